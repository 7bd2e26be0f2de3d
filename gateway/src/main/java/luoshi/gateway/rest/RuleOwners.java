package luoshi.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import luoshi.platform.ProblemException;

/**
 * Which service evaluates each rule type (REQUIREMENTS.md, Seed catalog), so that a new requirement
 * goes to the service whose catalog will own it: leaders live in org-service, money in
 * funding-service, meetings and documents in review-service.
 */
final class RuleOwners {

    private static final Map<String, String> OWNER_BY_RULE_TYPE = Map.of(
            "LEADER_EMPLOYMENT", "org",
            "LEADER_SHARE", "org",
            "FUNDING_MIN_AMOUNT", "funding",
            "FUNDING_PER_CAPITA", "funding",
            "COLLECTION_RATE", "funding",
            "MEETING_COUNT", "review",
            "DOCUMENT_SUBMITTED", "review");

    private RuleOwners() {
    }

    /** The owner of {@code rule.type}; a missing or unknown type is a 400 naming {@code rule.type}. */
    static String ownerOf(ObjectNode rule) {
        JsonNode type = rule.get("type");
        String owner = type == null || !type.isTextual() ? null : OWNER_BY_RULE_TYPE.get(type.asText());
        if (owner == null) {
            throw ProblemException.badRequest("rule.type",
                    "must be one of " + OWNER_BY_RULE_TYPE.keySet().stream().sorted().toList());
        }
        return owner;
    }
}
