package luoshi.gateway.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import luoshi.gateway.client.CurrentRequest;
import luoshi.gateway.client.RequestIds;
import luoshi.gateway.client.VersionBooks;
import luoshi.gateway.config.GatewayConfig;

/**
 * The answers the gateway keeps (issue #29; API.md, "Kept answers and consistency tokens"): a compliance answer, a
 * rollup, an evaluation or a follow-up list's page, kept with the versions it was computed from (its ETag's), and
 * given again, or confirmed by a 304, without a downstream call while the versions of the same answer, as the
 * services' feeds say them now ({@link VersionBooks}), are the same. A write in the answer's subtree, or one reaching
 * it from above, moves them; nothing else does.
 *
 * <p>An answer is kept by the question as the caller asked it (path, query, {@code Accept}, {@code Accept-Language})
 * and as resolved (its year and date, the region its rank is among), and only when it is complete and without
 * warnings (tagged). It is not given from here when the caller asks {@code Cache-Control: no-cache}, when its consistency
 * token names a version a book has not reached, or when a book is not current (the feed silent past its bound, a write
 * seen through this gateway not yet in the feed): then the services are asked, as without kept answers. Bounded by
 * {@code luoshi.gateway.kept-answers-mib}, each answer weighed by its JSON's size.
 */
@ApplicationScoped
public class KeptAnswers {

    private record Kept(Object value, String versions, int weight, long keptAt) {
    }

    /** Where a kept answer's age is left for {@link #age}, on the caller's request. */
    private static final String AGE = "luoshi.kept-answer-age";

    private final VersionBooks books;
    private final ObjectMapper json;
    private final Cache<String, Kept> kept;

    KeptAnswers(VersionBooks books, ObjectMapper json, GatewayConfig config) {
        this.books = books;
        this.json = json;
        this.kept = config.keptAnswersMib() <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(config.keptAnswersMib() * 1024L * 1024L)
                .weigher((String key, Kept k) -> 2 * key.length() + k.weight())
                .executor(Runnable::run)
                .build();
    }

    /**
     * The answer to {@code question} (what it depends on beyond the request: the year and date as resolved, …), about the
     * subtrees of {@code regions} (in the order their versions are joined in the answer's: null for a part computed
     * from no region, {@code "-"}), kept or computed by {@code compute}.
     */
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<Tagged<T>> answer(String question, List<String> regions,
            Supplier<CompletionStage<Tagged<T>>> compute) {
        if (kept == null) {
            return compute.get();
        }
        String key = key(question);
        String cacheControl = RequestIds.cacheControl();
        if (cacheControl == null || !cacheControl.contains("no-cache")) {
            String now = versions(regions, ConsistencyTokens.presented());
            Kept k = now == null ? null : kept.getIfPresent(key);
            if (k != null && k.versions().equals(now)) {
                long age = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - k.keptAt());
                CurrentRequest.get().ifPresent(rc -> rc.put(AGE, age));
                return CompletableFuture.completedFuture(new Tagged<>((T) k.value(), k.versions()));
            }
        }
        return compute.get().thenApply(tagged -> {
            if (tagged.versions() != null) {
                kept.put(key, new Kept(tagged.value(), tagged.versions(), weight(tagged.value()),
                        System.nanoTime()));
            }
            return tagged;
        });
    }

    /** As {@link #answer} for a computation that answers at once (a follow-up list's page). */
    public <T> Tagged<T> answerNow(String question, List<String> regions, Supplier<Tagged<T>> compute) {
        return answer(question, regions, () -> CompletableFuture.completedFuture(compute.get()))
                .toCompletableFuture().join();
    }

    /**
     * A kept answer says so, as a shared cache would (RFC 9111): {@code Age}, the seconds since it was computed. An
     * answer computed for this request has none.
     */
    @ServerResponseFilter
    public void age(ContainerRequestContext request, ContainerResponseContext response) {
        Long age = CurrentRequest.get().map(rc -> rc.<Long>get(AGE)).orElse(null);
        if (age != null && (response.getStatus() == 200 || response.getStatus() == 304)) {
            response.getHeaders().putSingle("Age", Long.toString(age));
        }
    }

    /** The versions the answer about {@code regions} would have now, from the books; null: not known without asking. */
    private String versions(List<String> regions, Map<String, Long> atLeast) {
        StringBuilder out = new StringBuilder();
        for (String region : regions) {
            String part = region == null ? "-" : books.versions(region, atLeast);
            if (part == null) {
                return null;
            }
            out.append(out.length() == 0 ? "" : "|").append(part);
        }
        return out.toString();
    }

    private static String key(String question) {
        HttpServerRequest request = CurrentRequest.get().map(rc -> rc.request()).orElse(null);
        if (request == null) {
            return question;
        }
        return String.join("\n", Arrays.asList(request.path(), request.query(), request.getHeader(HttpHeaders.ACCEPT),
                request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), question));
    }

    private int weight(Object value) {
        try {
            return json.writeValueAsBytes(value).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer that cannot be written", e);
        }
    }
}
