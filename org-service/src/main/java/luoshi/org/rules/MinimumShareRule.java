package luoshi.org.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import luoshi.api.org.OrganizationType;
import luoshi.rules.spi.Adjustable;
import luoshi.rules.spi.Bounds;
import luoshi.rules.spi.RuleReader;
import luoshi.rules.spi.RuleType;

/**
 * What the two share rules of org-service have in common (LEADER_SHARE, ORGANIZATION_COVERAGE): a share of at least
 * {@code minShare} over the named organisation types, which the seeds leave to the jurisdictions (NOT_APPLICABLE
 * until one sets it) and which a jurisdiction may only raise.
 */
abstract class MinimumShareRule implements RuleType<MinimumShareRule.Share> {

    static final String MIN_SHARE = "minShare";

    /** The organisation types counted, and the share in force (null where none is set). */
    public record Share(List<OrganizationType> organizationTypes, BigDecimal minShare) {

        /** The share as the rule gives it ("0.75"), or null. */
        String shown() {
            return minShare == null ? null : minShare.toPlainString();
        }
    }

    @Override
    public Share parse(RuleReader rule) {
        return new Share(rule.listOf("organizationTypes", OrganizationType.class), rule.optionalDecimal(MIN_SHARE));
    }

    @Override
    public Map<String, Adjustable> adjustable() {
        return Map.of(MIN_SHARE, Adjustable.higher(Bounds.SHARE));
    }

    @Override
    public String threshold() {
        return MIN_SHARE;
    }
}
