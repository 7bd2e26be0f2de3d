package luoshi.gateway.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.Function;
import luoshi.api.evaluation.Trend;
import luoshi.gateway.client.CurrentRequest;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional reads of the answers (API.md, "Conditional reads (ETag, If-None-Match)", issue #29): a compliance answer,
 * a rollup, an evaluation, a follow-up list's page and a trend carry a weak {@code ETag} made of what they were computed
 * from, and a GET whose {@code If-None-Match} names it is answered {@code 304 Not Modified} with no body.
 *
 * <p>What an answer is computed from: the three services' answer versions of the region's subtree (and, for an
 * evaluation, of its parent's: the siblings' ranks), which change with every write in that subtree or reaching it from
 * above and with nothing else ({@code luoshi.audit.DataVersion}), the question as resolved (the year and the date of the
 * verdicts, which default to today), and the representation (the path and query, the content type, the
 * {@code Accept-Language}). A trend's points are the snapshots kept, not the data: its tag is a digest of them. The tag
 * is weak: the versions are read before the answer is computed, so an answer is never older than its tag says, but a
 * write that commits meanwhile may already be in it, and two answers of one tag may then differ by that write (the next
 * answer has another tag). An answer that names a service in {@code incomplete} or carries {@code warnings} has no tag:
 * it never confirms, nor is confirmed by, a complete one.
 */
public class ConditionalReads {

    /** Where a resource leaves its answer's basis for the filter, on the caller's request. */
    private static final String BASIS = "luoshi.answer-basis";

    private final ObjectMapper json;

    ConditionalReads(ObjectMapper json) {
        this.json = json;
    }

    /**
     * What puts the basis of a tagged answer ({@code question}: what else the answer depends on) on the request being
     * served now, and answers the value: call it on the caller's thread, apply it when the answer is there.
     */
    static <T> Function<Tagged<T>, T> keep(String question) {
        RoutingContext request = CurrentRequest.get().orElse(null);
        return tagged -> {
            if (request != null && tagged.versions() != null) {
                request.put(BASIS, tagged.versions() + "|" + question);
            }
            return tagged.value();
        };
    }

    /** The question a view answers, as resolved: its year and the date of its verdicts. */
    static String question(RegionYear q) {
        return q.regionCode().value() + "|" + q.year() + "|" + q.asOf();
    }

    @ServerResponseFilter
    public void conditional(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200
                || response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            return;
        }
        String basis = CurrentRequest.get().map(rc -> rc.<String>get(BASIS)).orElse(null);
        if (basis == null && response.getEntity() instanceof Trend trend
                && (trend.incomplete() == null || trend.incomplete().isEmpty())) {
            basis = "trend|" + points(trend);
        }
        if (basis == null) {
            return;
        }
        String tag = tag(basis + "|" + request.getUriInfo().getPath() + "?"
                + request.getUriInfo().getRequestUri().getRawQuery() + "|" + response.getMediaType() + "|"
                + request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    /**
     * Whether {@code ifNoneMatch} (a list of entity tags, or {@code *}) names {@code tag}, by the weak comparison
     * RFC 9110 prescribes for {@code If-None-Match}: {@code W/"x"} and {@code "x"} match. A malformed header matches
     * nothing (the answer is given in full).
     */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        String opaque = opaque(tag);
        for (String given : ifNoneMatch.split(",")) {
            if (opaque.equals(opaque(given.trim()))) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** A weak tag of {@code basis}: its SHA-256, base64url. */
    static String tag(String basis) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private String points(Trend trend) {
        try {
            return json.writeValueAsString(trend);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a trend that cannot be written", e);
        }
    }
}
