package luoshi.gateway.rest;

import luoshi.api.region.RegionCode;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.Context;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import luoshi.api.common.Problem;
import luoshi.api.waiver.NewWaiver;
import luoshi.api.waiver.Waiver;
import luoshi.api.waiver.WaiverList;
import luoshi.api.waiver.WaiversApi;
import luoshi.gateway.client.Answers;
import luoshi.gateway.client.Outcome;
import luoshi.gateway.client.Services;
import luoshi.platform.ProblemException;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Waivers at the gateway (API.md, "Catalog versions, waivers, owners"): each service keeps the waivers of the
 * requirements it owns. A new waiver goes to its requirement's owner; the list merges the services' lists (or asks
 * the owner alone when it names a requirement); a revocation asks every service, since a waiver's id is known only
 * to the one that keeps it.
 */
public class WaiversRoutes implements WaiversApi {

    private static final Comparator<Waiver> ORDER = Comparator
            .comparing(Waiver::regionCode, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Waiver::requirementId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Waiver::from, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Services services;
    private final Catalogs catalogs;

    @Context
    HttpServerResponse response;

    WaiversRoutes(Services services, Catalogs catalogs) {
        this.services = services;
        this.catalogs = catalogs;
    }

    @Override
    public RestResponse<Waiver> create(NewWaiver waiver) {
        return catalogs.ownerOf(waiver.requirementId()).route(WaiversApi.class).write(api -> api.create(waiver));
    }

    @Override
    public WaiverList list(RegionCode regionCode, String requirementId, LocalDate activeOn) {
        if (requirementId != null && !requirementId.isBlank()) {
            // one requirement: only its owner keeps its waivers
            return catalogs.ownerOf(requirementId).route(WaiversApi.class)
                    .read(api -> api.list(regionCode, requirementId, activeOn));
        }
        Answers<WaiverList> answers = services.readAll(WaiversApi.class, api -> api.list(regionCode, null, activeOn))
                .rejectIfRefused();
        if (!answers.complete()) {
            // the list keeps its fixed shape {"items":[…]}, as the requirements catalog does
            response.putHeader(RequirementsRoutes.INCOMPLETE_HEADER, String.join(", ", answers.incomplete()));
        }
        return new WaiverList(answers.values().stream()
                .flatMap(list -> list.items() == null ? Stream.empty() : list.items().stream())
                .sorted(ORDER)
                .toList());
    }

    /**
     * Only the service that keeps the waiver knows its id; the others answer 404. So: 204 when one revoked it, its
     * refusal (403) when one refused, 404 when every service answered that it knows no such waiver, and 503 when one
     * that did not answer may be the one that keeps it.
     */
    @Override
    public void revoke(String id) {
        List<Outcome<Boolean>> outcomes = services.writeAll(WaiversApi.class, api -> {
            api.revoke(id);
            return Boolean.TRUE;
        });
        if (outcomes.stream().anyMatch(Outcome::answered)) {
            return;
        }
        Optional<ProblemException> refusal = outcomes.stream().filter(o -> !o.unanswered())
                .map(Outcome::problem).filter(p -> p.problem().status() != 404).findFirst();
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        List<String> unanswered = outcomes.stream().filter(Outcome::unanswered).map(o -> o.service().name()).toList();
        if (!unanswered.isEmpty()) {
            throw new ProblemException(Problem.of(503, "Service Unavailable", "Cannot tell whether waiver " + id
                    + " was revoked: " + String.join(", ", unanswered) + " did not answer."));
        }
        throw ProblemException.notFound("No waiver " + id + " (or it is revoked already).");
    }
}
