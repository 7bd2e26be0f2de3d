package luoshi.rules.engine;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongFunction;
import luoshi.audit.DataVersion;
import luoshi.rules.catalog.RulesConfig;

/**
 * This service's compliance answers (a region's items, a subtree's rollup), kept by the {@link DataVersion} they were
 * computed at: while no write has committed since, the same question gets the same answer without evaluating the
 * rules again (benchmarks/: a dashboard asks for the same regions over and over, and every evaluation read the
 * catalog and the facts anew). Correct across replicas: each request reads the committed version (one primary-key
 * read) and only an answer computed at that version is served; an answer may be newer than its key, never older.
 *
 * <p>Callers asking the same question at once share one evaluation. A failed evaluation is not kept. A request with
 * {@code Cache-Control: no-cache} (forwarded by the gateway) evaluates afresh and keeps the new answer. At most
 * {@code luoshi.rules.answers-kept} answers are kept, the least recently used dropped first; 0 keeps none.
 */
@ApplicationScoped
public class ComplianceAnswers {

    private final DataVersion dataVersion;
    private final int capacity;
    private final Map<Object, CompletableFuture<Object>> kept;
    private long newest = Long.MIN_VALUE;

    ComplianceAnswers(DataVersion dataVersion, RulesConfig config) {
        this.dataVersion = dataVersion;
        this.capacity = config.answersKept();
        this.kept = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, CompletableFuture<Object>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** What an answer depends on besides the data. */
    private record Question(String kind, String regionCode, int year, LocalDate asOf) {
    }

    /**
     * A region's items for a year, evaluated on {@code asOf}, at the committed data version: computed by
     * {@code evaluate} with that version (for {@code RequirementCatalog.at}) when no answer of this version is kept.
     */
    public <T> T items(String regionCode, int year, LocalDate asOf, LongFunction<T> evaluate) {
        return get(new Question("items", regionCode, year, asOf), evaluate);
    }

    /** A subtree's rollup, as {@link #items}. */
    public <T> T rollup(String regionCode, int year, LocalDate asOf, LongFunction<T> evaluate) {
        return get(new Question("rollup", regionCode, year, asOf), evaluate);
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Question question, LongFunction<T> evaluate) {
        long version = dataVersion.current();
        if (capacity == 0) {
            return evaluate.apply(version);
        }
        boolean fresh = askedForFresh();
        CompletableFuture<Object> mine;
        CompletableFuture<Object> running = null;
        synchronized (kept) {
            if (version > newest) {
                kept.clear();                  // a write committed: every kept answer is stale
                newest = version;
            }
            if (version < newest) {
                mine = null;                   // this request read the version before a write that others have seen
            } else {
                running = fresh ? null : kept.get(question);
                mine = running != null ? null : new CompletableFuture<>();
                if (mine != null) {
                    kept.put(question, mine);
                }
            }
        }
        if (running != null) {
            return (T) join(running);
        }
        if (mine == null) {
            return evaluate.apply(version);
        }
        try {
            T answer = evaluate.apply(version);
            mine.complete(answer);
            return answer;
        } catch (RuntimeException e) {
            synchronized (kept) {
                kept.remove(question, mine);   // a failure is not an answer: the next request evaluates again
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** How many answers are kept now. */
    public int size() {
        synchronized (kept) {
            return kept.size();
        }
    }

    private static boolean askedForFresh() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        RoutingContext rc = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        String cacheControl = rc == null ? null : rc.request().getHeader("Cache-Control");
        return cacheControl != null && cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-cache");
    }

    private static Object join(CompletableFuture<Object> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;                   // each caller gets the evaluation's own exception (a 404, a 400)
            }
            throw e;
        }
    }
}
