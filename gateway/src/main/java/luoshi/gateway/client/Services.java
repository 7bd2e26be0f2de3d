package luoshi.gateway.client;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import luoshi.api.common.ProblemException;
import luoshi.api.audit.AuditSource;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.requirement.RequirementsApi;

/**
 * The three services, org first: org-service owns the regions, so its answer decides whether a region
 * exists. {@link #readAll} asks all three in parallel.
 */
@Startup
@ApplicationScoped
public class Services {

    private final List<GuardedService> all;

    Services(OrgService org, FundingService funding, ReviewService review) {
        this.all = List.of(org, funding, review);
        all.forEach(s -> s.prepare(ComplianceSource.class, RequirementsApi.class, AuditSource.class));
    }

    public List<GuardedService> all() {
        return all;
    }

    /** The service a requirement's {@code owner} (org, funding, review) names. */
    public Optional<GuardedService> byOwner(String owner) {
        return all.stream().filter(s -> s.owner().equals(owner)).findFirst();
    }

    /** The same read of every service, in parallel; each bounded by its own timeout and breaker. */
    public <A, T> Answers<T> readAll(Class<A> api, Function<A, T> call) {
        List<CompletableFuture<Outcome<T>>> pending = new ArrayList<>();
        for (GuardedService service : all) {
            pending.add(service.read(api, call).toCompletableFuture().handle((value, failure) -> outcome(service, value, failure)));
        }
        return new Answers<>(pending.stream().map(Route::await).toList());
    }

    /** {@link #readAll} through an asynchronous method of the contract: no thread waits for the three answers. */
    public <A, T> CompletionStage<Answers<T>> readAllAsync(Class<A> api, Function<A, CompletionStage<T>> call) {
        List<CompletableFuture<Outcome<T>>> pending = new ArrayList<>();
        for (GuardedService service : all) {
            pending.add(service.readAsync(api, call).toCompletableFuture().handle((value, failure) -> outcome(service, value, failure)));
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .thenApply(done -> new Answers<>(pending.stream().map(CompletableFuture::join).toList()));
    }

    private static <T> Outcome<T> outcome(GuardedService service, T value, Throwable failure) {
        Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
        if (cause == null) {
            return new Outcome<>(service, value, null);
        }
        if (cause instanceof ProblemException problem) {
            return new Outcome<>(service, null, problem);
        }
        // the fallback turns every fault into Unanswered; anything else is a bug worth a 500
        throw new CompletionException(cause);
    }
}
