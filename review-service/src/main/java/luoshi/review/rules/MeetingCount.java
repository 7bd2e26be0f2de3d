package luoshi.review.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import luoshi.api.common.Violation;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Evidence;
import luoshi.api.review.MeetingType;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.Measure;
import luoshi.rules.spi.RuleQuery;
import luoshi.rules.spi.RuleType;
import luoshi.rules.spi.Strictness;

/**
 * MEETING_COUNT: at least {@code min} meetings of {@code meetingType} in the period (a calendar year: CENTRAL-2015 §3,
 * 党委常委会……每年都要专题研究群团工作; or a committee term: 党委在每届任期内应该召开专门的群团工作会议), counted up
 * to the evaluation date. A jurisdiction may require more (a county: two report hearings a year), never fewer.
 */
@ApplicationScoped
public class MeetingCount implements RuleType {

    private final Database db;

    MeetingCount(Database db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "MEETING_COUNT";
    }

    @Override
    public List<Violation> validate(ObjectNode rule) {
        List<Violation> v = new ArrayList<>();
        if (RuleFields.enumValue(rule, "meetingType", MeetingType.class) == null) {
            v.add(new Violation("rule.meetingType", "must be one of " + List.of(MeetingType.values())));
        }
        if (!RuleFields.isWholeNumber(rule.path("min")) || rule.path("min").asInt() < 1) {
            v.add(new Violation("rule.min", "must be a whole number of meetings, at least 1"));
        }
        return v;
    }

    @Override
    public Map<String, Strictness> adjustable() {
        return Map.of("min", Strictness.HIGHER);
    }

    @Override
    public String threshold() {
        return "min";
    }

    /** The meetings of the region in the period up to the evaluation date: one index range per region evaluated. */
    @Override
    public Measure measure(RuleQuery q) {
        return new Measure(Measure.NO_JOINS, Sql.of("(SELECT COUNT(*) FROM meeting mm WHERE mm.region_code = g.code"
                + " AND mm.type = :type AND mm.meeting_date BETWEEN :from AND :to)")
                .bind("type", RuleFields.enumValue(q.rule(), "meetingType", MeetingType.class))
                .bind("from", q.period().start()).bind("to", q.period().knownOn()), q.threshold(), Measure.NEVER, null);
    }

    @Override
    public Texts texts(Found found) {
        return new Texts(RuleFields.count(found.expected()),
                found.status() == ComplianceStatus.NO_DATA ? null : RuleFields.count(found.actual()));
    }

    /** The meetings counted, so that an inspector can check the verdict by hand. */
    @Override
    public List<Evidence> evidence(Found found) {
        if (found.status() == ComplianceStatus.NO_DATA) {
            return List.of();
        }
        return db.list(Sql.of("SELECT id, document_ref, meeting_date, title FROM meeting WHERE region_code = :code"
                + " AND type = :type AND meeting_date BETWEEN :from AND :to ORDER BY meeting_date, id")
                .bind("code", found.regionCode()).bind("type", RuleFields.enumValue(found.rule(), "meetingType", MeetingType.class))
                .bind("from", found.periodStart()).bind("to", found.knownOn()),
                rs -> new Evidence("MEETING", rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate() + " " + rs.getString(4)));
    }
}
