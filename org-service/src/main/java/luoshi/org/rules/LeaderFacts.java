package luoshi.org.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import luoshi.api.common.Violation;
import luoshi.api.org.OrganizationType;
import luoshi.db.Sql;
import luoshi.rules.catalog.Catalog;

/** What org-service's rule types share: the organisation types a rule names, a share parameter, a tenure in office. */
final class LeaderFacts {

    private LeaderFacts() {
    }

    /** A leader (alias {@code alias}) in office on {@code on}: the tenure began on or before it and had not ended. */
    static Sql inOffice(String alias, Object on) {
        return Sql.of(alias + ".tenure_from <= :on AND (" + alias + ".tenure_to IS NULL OR " + alias + ".tenure_to >= :on)")
                .bind("on", on);
    }

    static List<String> organizationTypes(ObjectNode rule) {
        List<String> types = new ArrayList<>();
        rule.path("organizationTypes").forEach(t -> types.add(t.asText()));
        return types;
    }

    static void checkOrganizationTypes(ObjectNode rule, List<Violation> violations) {
        JsonNode types = rule.get("organizationTypes");
        if (types == null || !types.isArray() || types.isEmpty()) {
            violations.add(new Violation("rule.organizationTypes", "must list at least one organisation type"));
            return;
        }
        for (JsonNode t : types) {
            if (!isOneOf(t.asText(), OrganizationType.class)) {
                violations.add(new Violation("rule.organizationTypes", "'" + t.asText() + "' is not one of "
                        + Arrays.toString(OrganizationType.values())));
            }
        }
    }

    /** {@code rule.minShare}, when given: a share above 0 and at most 1. */
    static void checkShare(ObjectNode rule, List<Violation> violations) {
        if (rule.has(MIN_SHARE)) {
            Optional<BigDecimal> share = Catalog.decimal(rule.get(MIN_SHARE));
            if (share.isEmpty() || share.get().signum() <= 0 || share.get().compareTo(BigDecimal.ONE) > 0) {
                violations.add(new Violation("rule." + MIN_SHARE, "must be a share above 0 and at most 1"));
            }
        }
    }

    static final String MIN_SHARE = "minShare";

    /** The share in force, as the rule object gives it ("0.75"). */
    static String share(ObjectNode rule) {
        return Catalog.decimal(rule.get(MIN_SHARE)).map(BigDecimal::toPlainString).orElse(null);
    }

    /** {@code part ÷ whole} to four decimals and the counts: "0.7500 (3 of 4 villages)". */
    static String ratio(BigDecimal part, BigDecimal whole, String of) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return part.divide(whole, 4, java.math.RoundingMode.HALF_UP).toPlainString() + " (" + part.longValue() + " of "
                + whole.longValue() + of + ")";
    }

    static <E extends Enum<E>> boolean isOneOf(String value, Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).anyMatch(e -> e.name().equals(value));
    }
}
