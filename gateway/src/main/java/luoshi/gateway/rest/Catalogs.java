package luoshi.gateway.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import luoshi.api.common.Problem;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementList;
import luoshi.api.requirement.RequirementsApi;
import luoshi.gateway.client.Answers;
import luoshi.gateway.client.GuardedService;
import luoshi.gateway.client.Services;
import luoshi.platform.ProblemException;

/**
 * The three services' catalogs, merged: which service owns a requirement ({@code Requirement.owner}), so that a call
 * about it (a parameter, a version, an owner, a waiver) goes to that service alone.
 */
@ApplicationScoped
public class Catalogs {

    private final Services services;

    Catalogs(Services services) {
        this.services = services;
    }

    /** Every service's catalog; a refusal by the deciding service is the caller's answer. */
    public Answers<RequirementList> read() {
        return services.readAll(RequirementsApi.class, RequirementsApi::list).rejectIfRefused();
    }

    /** The answered catalogs merged, ordered by id. */
    public static List<Requirement> merged(Answers<RequirementList> answers) {
        return answers.values().stream()
                .flatMap(list -> list.items() == null ? Stream.empty() : list.items().stream())
                .sorted(Comparator.comparing(Requirement::id))
                .toList();
    }

    /**
     * The service that owns requirement {@code id}: 404 naming it when every catalog answered without it, 503 when it
     * may be in a catalog that did not answer.
     */
    public GuardedService ownerOf(String id) {
        Answers<RequirementList> answers = read();
        String owner = merged(answers).stream().filter(r -> r.id().equals(id)).map(Requirement::owner).findFirst()
                .orElseThrow(() -> answers.complete()
                        ? ProblemException.notFound("No requirement " + id + ".")
                        // not in the catalogs that answered: it may be in a missing one, so do not say 404
                        : new ProblemException(Problem.of(503, "Service Unavailable",
                                "Cannot tell which service owns " + id + ": " + String.join(", ", answers.incomplete())
                                        + " did not answer.")));
        return byOwner(owner);
    }

    /** The service a catalog's {@code owner} (org, funding, review) names. */
    private GuardedService byOwner(String owner) {
        return services.byOwner(owner).orElseThrow(() -> new IllegalStateException("no service owns " + owner));
    }
}
