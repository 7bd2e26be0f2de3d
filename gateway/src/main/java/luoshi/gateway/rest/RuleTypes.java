package luoshi.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import luoshi.api.common.Problem;
import luoshi.api.requirement.RuleTypeDeclaration;
import luoshi.api.requirement.RuleTypeList;
import luoshi.api.requirement.RuleTypesApi;
import luoshi.gateway.client.Answers;
import luoshi.gateway.client.GuardedService;
import luoshi.gateway.client.Services;
import luoshi.gateway.config.GatewayConfig;
import luoshi.platform.ProblemException;

/**
 * The rule types the three services declare ({@link RuleTypesApi}: each the types it evaluates), merged, and which
 * service evaluates each, so that a new requirement goes to that service. The gateway keeps no list of its own: a
 * service's new version with a new type needs no change here. The merged list is kept for
 * {@code luoshi.gateway.rule-types-ttl-ms} (only a complete one: a partial list would hide a service's types), and a
 * type it does not hold is asked for at once, so a new type is never refused for the kept list's age.
 */
@ApplicationScoped
public class RuleTypes {

    /** The types, ordered by type, the service that declared each, who did not answer, and when this was asked. */
    record Declared(List<RuleTypeDeclaration> items, Map<String, GuardedService> owners, List<String> incomplete,
            long askedAt) {
    }

    private final Services services;
    private final long ttlNanos;
    private volatile Declared kept;

    RuleTypes(Services services, GatewayConfig config) {
        this.services = services;
        this.ttlNanos = TimeUnit.MILLISECONDS.toNanos(config.ruleTypesTtlMs());
    }

    /** The declared types: the kept ones while they are fresh, else (or when {@code afresh}) the services' answers. */
    Declared current(boolean afresh) {
        Declared d = afresh ? null : fresh();
        return d != null ? d : ask();
    }

    /**
     * The service that evaluates {@code rule.type}. A type not among the kept ones is asked for afresh; one that no
     * service declares is a 400 naming {@code rule.type} with the known types, or a 503 when a service that did not
     * answer might declare it.
     */
    GuardedService ownerOf(ObjectNode rule) {
        JsonNode node = rule.get("type");
        String type = node != null && node.isTextual() ? node.asText() : null;
        Declared declared = fresh();
        if (declared == null || type != null && !declared.owners().containsKey(type)) {
            declared = ask();   // none kept, or a type the kept ones lack: perhaps one that a service's new version brought
        }
        GuardedService owner = type == null ? null : declared.owners().get(type);
        if (owner != null) {
            return owner;
        }
        if (type != null && !declared.incomplete().isEmpty()) {
            throw new ProblemException(Problem.of(503, "Service Unavailable", "Cannot tell which service evaluates rule "
                    + "type " + type + ": " + String.join(", ", declared.incomplete()) + " did not answer."));
        }
        throw ProblemException.badRequest("rule.type", "must be one of " + declared.owners().keySet().stream().sorted().toList());
    }

    /** The kept declarations if they are younger than the TTL, else null. */
    private Declared fresh() {
        Declared d = kept;
        return d != null && System.nanoTime() - d.askedAt() <= ttlNanos ? d : null;
    }

    /** The three services' declarations, merged; kept when every service answered. */
    private Declared ask() {
        Answers<RuleTypeList> answers = services.readAll(RuleTypesApi.class, RuleTypesApi::list);
        Map<String, GuardedService> owners = new LinkedHashMap<>();
        List<RuleTypeDeclaration> items = new ArrayList<>();
        answers.byService().forEach((service, list) -> {
            for (RuleTypeDeclaration type : list.items() == null ? List.<RuleTypeDeclaration>of() : list.items()) {
                // a type two services declared is the first one's (org, funding, review): one place evaluates it
                if (type != null && type.type() != null && owners.putIfAbsent(type.type(), service) == null) {
                    items.add(type);
                }
            }
        });
        items.sort(Comparator.comparing(RuleTypeDeclaration::type));
        Declared declared = new Declared(List.copyOf(items), Map.copyOf(owners), answers.incomplete(), System.nanoTime());
        if (answers.complete()) {
            kept = declared;
        }
        return declared;
    }
}
