package luoshi.org.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import luoshi.api.common.Violation;
import luoshi.api.org.OrganizationType;
import luoshi.api.region.RegionLevel;

/** What both leadership rule types share: the organisation types a rule names, and SQL fragments. */
final class LeaderRules {

    /** A leader (table alias {@code l}, or none: "") in office on the date bound to {@code :on}. */
    static String inOffice(String alias) {
        String a = alias.isEmpty() ? "" : alias + ".";
        return a + "tenure_from <= :on AND (" + a + "tenure_to IS NULL OR " + a + "tenure_to >= :on)";
    }

    private LeaderRules() {
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
                        + java.util.Arrays.toString(OrganizationType.values())));
            }
        }
    }

    static <E extends Enum<E>> boolean isOneOf(String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    static String levels(List<RegionLevel> levels) {
        return levels.stream().map(l -> "'" + l.name() + "'").collect(Collectors.joining(","));
    }
}
