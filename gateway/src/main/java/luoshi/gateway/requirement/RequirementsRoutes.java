package luoshi.gateway.requirement;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.Context;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import luoshi.api.common.Problem;
import luoshi.platform.ProblemException;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementList;
import luoshi.api.requirement.NewRequirement;
import luoshi.api.requirement.ParameterSetting;
import luoshi.api.requirement.RequirementsApi;
import luoshi.gateway.client.Answers;
import luoshi.gateway.client.GuardedService;
import luoshi.gateway.client.Services;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The requirements catalog at the gateway: each service serves the requirements it owns; the list
 * merges the three, a new requirement goes to the owner of its rule type, a parameter to the
 * requirement's owner.
 */
public class RequirementsRoutes implements RequirementsApi {

    /**
     * The list keeps API.md's fixed shape {@code {"items":[…]}}, so a partial catalog says which
     * services are missing in this header instead.
     */
    public static final String INCOMPLETE_HEADER = "Luoshi-Incomplete";

    private final Services services;

    @Context
    HttpServerResponse response;

    RequirementsRoutes(Services services) {
        this.services = services;
    }

    @Override
    public RequirementList list() {
        Answers<RequirementList> answers = catalogs();
        if (!answers.complete()) {
            response.putHeader(INCOMPLETE_HEADER, String.join(", ", answers.incomplete()));
        }
        return new RequirementList(merged(answers));
    }

    @Override
    public RestResponse<Requirement> create(NewRequirement requirement) {
        return owner(RuleOwners.ownerOf(requirement.rule())).route(RequirementsApi.class)
                .write(api -> api.create(requirement));
    }

    @Override
    public ParameterSetting setParameters(String id, String regionCode, ObjectNode parameters) {
        Answers<RequirementList> answers = catalogs();
        String owner = merged(answers).stream().filter(r -> id.equals(r.id())).map(Requirement::owner).findFirst()
                .orElseThrow(() -> answers.complete()
                        ? ProblemException.notFound("No requirement " + id + ".")
                        // not in the catalogs that answered: it may be in a missing one, so do not say 404
                        : new ProblemException(Problem.of(503, "Service Unavailable",
                                "Cannot tell which service owns " + id + ": " + String.join(", ", answers.incomplete())
                                        + " did not answer.")));
        return owner(owner).route(RequirementsApi.class).write(api -> api.setParameters(id, regionCode, parameters));
    }

    @Override
    public Requirement get(String id) {
        throw new UnsupportedOperationException("TODO #17");
    }

    @Override
    public Requirement change(String id, luoshi.api.requirement.RequirementChange change) {
        throw new UnsupportedOperationException("TODO #17");
    }

    @Override
    public luoshi.api.requirement.Owner setOwner(String id, String regionCode, luoshi.api.requirement.OwnerWrite owner) {
        throw new UnsupportedOperationException("TODO #17");
    }

    @Override
    public luoshi.api.requirement.OwnerList owners(String id, String regionCode) {
        throw new UnsupportedOperationException("TODO #17");
    }

    private Answers<RequirementList> catalogs() {
        return services.readAll(RequirementsApi.class, RequirementsApi::list).rejectIfRefused();
    }

    private static List<Requirement> merged(Answers<RequirementList> answers) {
        return answers.values().stream()
                .flatMap(list -> list.items() == null ? Stream.empty() : list.items().stream())
                .sorted(Comparator.comparing(Requirement::id))
                .toList();
    }

    private GuardedService owner(String owner) {
        return services.byOwner(owner).orElseThrow(() -> new IllegalStateException("no service owns " + owner));
    }
}
