package luoshi.gateway.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import luoshi.platform.ProblemException;
import luoshi.api.audit.AuditSource;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.requirement.RequirementsApi;
import luoshi.api.requirement.RuleTypesApi;
import luoshi.api.waiver.WaiversApi;
import luoshi.gateway.client.RegionVersions.Versioned;
import luoshi.gateway.config.GatewayConfig;
import luoshi.platform.ServiceUrls;

/**
 * The three services, org first: org-service owns the regions, so its answer decides whether a region
 * exists. {@link #readAll} asks all three in parallel. Each service has its own guards and breakers
 * ({@link GuardedService}), at LUOSHI_SERVICES_ORG_URL, …_FUNDING_URL, …_REVIEW_URL.
 */
@Startup
@ApplicationScoped
public class Services {

    private final GuardedService org;
    private final GuardedService funding;
    private final GuardedService review;
    private final List<GuardedService> all;

    Services(ServiceUrls urls, GatewayConfig config, ObjectMapper json, VersionBooks books) {
        this.org = new GuardedService("org", urls.org(), config, json, books.raiser("org"));
        this.funding = new GuardedService("funding", urls.funding(), config, json, books.raiser("funding"));
        this.review = new GuardedService("review", urls.review(), config, json, books.raiser("review"));
        this.all = List.of(org, funding, review);
        all.forEach(s -> s.prepare(ComplianceSource.class, RequirementsApi.class, RuleTypesApi.class, AuditSource.class,
                WaiversApi.class));
    }

    public GuardedService org() {
        return org;
    }

    public GuardedService funding() {
        return funding;
    }

    public GuardedService review() {
        return review;
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
        return Route.await(readAllAsync(api, call));
    }

    /** As {@link #readAll}, asked now and answered later: a caller has other work to do meanwhile. */
    public <A, T> CompletableFuture<Answers<T>> readAllAsync(Class<A> api, Function<A, T> call) {
        List<CompletableFuture<Outcome<T>>> pending = new ArrayList<>();
        for (GuardedService service : all) {
            pending.add(service.read(api, call).toCompletableFuture().handle((value, failure) -> outcome(service, value, failure)));
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .thenApply(done -> new Answers<>(pending.stream().map(CompletableFuture::join).toList()));
    }

    /**
     * The same write to every service, in parallel: for a call about an id that only one of them knows (a waiver's
     * UUID), where the others answer 404. Each service's outcome, in service order; never retried.
     */
    public <A, T> List<Outcome<T>> writeAll(Class<A> api, Function<A, T> call) {
        List<CompletableFuture<Outcome<T>>> pending = new ArrayList<>();
        for (GuardedService service : all) {
            pending.add(service.write(api, call).toCompletableFuture().handle((value, failure) -> outcome(service, value, failure)));
        }
        return pending.stream().map(Route::await).toList();
    }

    /**
     * The same compliance read of every service, in parallel and asynchronously (no thread waits for the three answers),
     * seeing every region and population write acknowledged before it
     * (API.md: read your writes across services). org-service's answer says the version of its change feed read during
     * the call; a service whose copy of the regions answered from an older version, or did not know the region that
     * org-service knows, is asked once more, to catch up to that version first. When the copies are current (they follow
     * the feed within milliseconds) this costs a header each way and no call. The answers keep the version each service
     * said of its answer ({@link Answers#versions}), for the ETags.
     */
    public <T> CompletionStage<Answers<T>> readAllCaughtUp(Function<ComplianceSource, CompletionStage<T>> call) {
        return readAllCaughtUp(call, false);
    }

    /**
     * As {@link #readAllCaughtUp(Function)}, the first slice of a list written whole as a file
     * ({@link GuardedService#exportAsync}: the imports' timeout, a bulkhead of its own) when {@code export}.
     */
    public <T> CompletionStage<Answers<T>> readAllCaughtUp(Function<ComplianceSource, CompletionStage<T>> call,
            boolean export) {
        List<CompletableFuture<Outcome<Versioned<T>>>> first = new ArrayList<>();
        for (GuardedService service : all) {
            first.add(ask(service, call, null, export));
        }
        return CompletableFuture.allOf(first.toArray(CompletableFuture[]::new)).thenCompose(done -> {
            Outcome<Versioned<T>> org = first.get(0).join();
            Long orgVersion = org.answered() ? org.value().version() : null;
            List<CompletableFuture<Outcome<Versioned<T>>>> last = new ArrayList<>();
            for (CompletableFuture<Outcome<Versioned<T>>> f : first) {
                Outcome<Versioned<T>> o = f.join();
                last.add(o != org && orgVersion != null && behind(o, orgVersion) ? ask(o.service(), call, orgVersion, export) : f);
            }
            return CompletableFuture.allOf(last.toArray(CompletableFuture[]::new)).thenApply(all -> new Answers<>(
                    last.stream().map(CompletableFuture::join).map(o -> unversioned(o, orgVersion)).toList(),
                    last.stream().map(CompletableFuture::join)
                            .map(o -> o.answered() ? o.value().answerVersion() : null).toList()));
        });
    }

    private <T> CompletableFuture<Outcome<Versioned<T>>> ask(GuardedService service,
            Function<ComplianceSource, CompletionStage<T>> call, Long min, boolean export) {
        Function<ComplianceSource, CompletionStage<Versioned<T>>> tracked = RegionVersions.tracked(call, min);
        return (export ? service.exportAsync(ComplianceSource.class, tracked)
                : service.readAsync(ComplianceSource.class, tracked)).toCompletableFuture()
                .handle((value, failure) -> outcome(service, value, failure));
    }

    /** A copy older than org-service's feed, or one that did not know the region (404) that org-service answered for. */
    private static boolean behind(Outcome<? extends Versioned<?>> o, long orgVersion) {
        if (o.answered()) {
            return o.value().version() != null && o.value().version() < orgVersion;
        }
        return !o.unanswered() && o.problem().problem().status() == 404;
    }

    /** The outcome's value; a copy that is still behind after catching up is no answer, and says why. */
    private static <T> Outcome<T> unversioned(Outcome<Versioned<T>> o, Long orgVersion) {
        if (!o.answered()) {
            return new Outcome<>(o.service(), null, o.problem());
        }
        Long version = o.value().version();
        if (orgVersion != null && version != null && version < orgVersion) {
            return new Outcome<>(o.service(), null, new ProblemException(luoshi.api.common.Problem.of(503,
                    "Service Unavailable", "its copy of the regions has not caught up with org-service (version "
                            + version + " of " + orgVersion + ").")));
        }
        return new Outcome<>(o.service(), o.value().value(), null);
    }

    private static <T> Outcome<T> outcome(GuardedService service, T value, Throwable failure) {
        Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
        if (cause == null) {
            return new Outcome<>(service, value, null);
        }
        if (cause instanceof ProblemException problem) {
            return new Outcome<>(service, null, problem);
        }
        // GuardedService turns every fault into Unanswered; anything else is a bug worth a 500
        throw new CompletionException(cause);
    }
}
