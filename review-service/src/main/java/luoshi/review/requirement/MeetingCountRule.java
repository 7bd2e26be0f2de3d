package luoshi.review.requirement;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import luoshi.api.common.Violation;
import luoshi.api.review.MeetingType;
import luoshi.rules.RuleType;
import luoshi.rules.Strictness;

/**
 * MEETING_COUNT: at least {@code min} meetings of {@code meetingType} per period (a calendar year,
 * or a committee term). A jurisdiction may require more (a county: two report hearings a year),
 * never fewer than the issuer.
 */
@ApplicationScoped
public class MeetingCountRule implements RuleType {

    public static final String NAME = "MEETING_COUNT";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Violation> validate(ObjectNode rule) {
        List<Violation> v = new ArrayList<>();
        if (meetingType(rule) == null) {
            v.add(new Violation("rule.meetingType", "must be one of " + List.of(MeetingType.values())));
        }
        if (!rule.path("min").canConvertToInt() || rule.path("min").isTextual() || rule.path("min").asInt() < 1
                || rule.path("min").isFloatingPointNumber() && rule.path("min").asDouble() != rule.path("min").asInt()) {
            v.add(new Violation("rule.min", "must be a whole number of meetings, at least 1"));
        }
        return v;
    }

    @Override
    public Map<String, Strictness> adjustable() {
        return Map.of("min", Strictness.HIGHER);
    }

    static MeetingType meetingType(ObjectNode rule) {
        return RuleFields.enumValue(rule, "meetingType", MeetingType.class);
    }
}
