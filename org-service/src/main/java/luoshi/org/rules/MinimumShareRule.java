package luoshi.org.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import luoshi.api.common.Violation;
import luoshi.rules.spi.RuleType;
import luoshi.rules.spi.Strictness;

/**
 * What the two share rules of org-service have in common (LEADER_SHARE, ORGANIZATION_COVERAGE): a share of at least
 * {@code minShare} over the named organisation types, which the seeds leave to the jurisdictions (NOT_APPLICABLE
 * until one sets it) and which a jurisdiction may only raise.
 */
abstract class MinimumShareRule implements RuleType {

    @Override
    public List<Violation> validate(ObjectNode rule) {
        List<Violation> v = new ArrayList<>();
        LeaderFacts.checkOrganizationTypes(rule, v);
        LeaderFacts.checkShare(rule, v);
        return v;
    }

    @Override
    public Map<String, Strictness> adjustable() {
        return Map.of(LeaderFacts.MIN_SHARE, Strictness.HIGHER);
    }

    @Override
    public String threshold() {
        return LeaderFacts.MIN_SHARE;
    }
}
