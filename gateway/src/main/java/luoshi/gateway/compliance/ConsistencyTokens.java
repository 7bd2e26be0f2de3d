package luoshi.gateway.compliance;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import luoshi.gateway.client.CurrentRequest;
import luoshi.gateway.client.VersionBooks;
import luoshi.platform.ProblemException;
import luoshi.platform.Writes;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Read your writes across gateway replicas (API.md, "Kept answers and consistency tokens", issue #29). Every successful
 * write's answer carries {@value #HEADER}: the data version of each service this gateway knows of once the write is
 * done ({@code org=12;funding=40;review=7}), at least the version the write produced. A read that presents it is never
 * answered from a kept answer older than those versions: a replica whose books are behind asks the services, which
 * hold every acknowledged write. A token that is not of that form is a 400 naming the header, before anything else.
 */
public class ConsistencyTokens {

    public static final String HEADER = "Luoshi-Consistency";
    private static final String PROPERTY = "luoshi.consistency-token";
    private static final Pattern FORM = Pattern.compile("(org|funding|review)=[0-9]{1,18}(;(org|funding|review)=[0-9]{1,18}){0,2}");

    private final VersionBooks books;

    ConsistencyTokens(VersionBooks books) {
        this.books = books;
    }

    @ServerRequestFilter(preMatching = true)
    public void read(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        if (given == null) {
            return;
        }
        Map<String, Long> token = parse(given);
        CurrentRequest.get().ifPresent(rc -> rc.put(PROPERTY, token));
    }

    @ServerResponseFilter
    public void hand(ContainerRequestContext request, ContainerResponseContext response) {
        if (!Writes.succeeded(request, response)) {
            return;
        }
        StringBuilder token = new StringBuilder();
        books.highest().forEach((owner, version) -> {
            if (version > 0) {
                token.append(token.length() == 0 ? "" : ";").append(owner).append('=').append(version);
            }
        });
        if (token.length() > 0) {
            response.getHeaders().putSingle(HEADER, token.toString());
        }
    }

    /** The token of the request being served (by owner: org, funding, review); empty when it presents none. */
    static Map<String, Long> presented() {
        Optional<RoutingContext> rc = CurrentRequest.get();
        Map<String, Long> token = rc.map(c -> c.<Map<String, Long>>get(PROPERTY)).orElse(null);
        return token == null ? Map.of() : token;
    }

    /** {@code org=12;funding=40;review=7} (any of the three, each once); else a 400 naming the header. */
    static Map<String, Long> parse(String given) {
        String trimmed = given.trim();
        if (trimmed.length() > 128 || !FORM.matcher(trimmed).matches()) {
            throw invalid();
        }
        Map<String, Long> token = new LinkedHashMap<>();
        for (String part : trimmed.split(";")) {
            int eq = part.indexOf('=');
            if (token.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1))) != null) {
                throw invalid();
            }
        }
        return token;
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest(HEADER, "must be the consistency token of a write's answer, such as "
                + "org=12;funding=40;review=7");
    }
}
