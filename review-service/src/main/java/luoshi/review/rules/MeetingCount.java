package luoshi.review.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Evidence;
import luoshi.api.review.MeetingType;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.spi.Adjustable;
import luoshi.rules.spi.Bounds;
import luoshi.rules.spi.EvidenceRows;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.Measure;
import luoshi.rules.spi.RuleQuery;
import luoshi.rules.spi.RuleReader;
import luoshi.rules.spi.RuleType;

/**
 * MEETING_COUNT: at least {@code min} meetings of {@code meetingType} in the period (a calendar year: CENTRAL-2015 §3,
 * 党委常委会……每年都要专题研究群团工作; or a committee term: 党委在每届任期内应该召开专门的群团工作会议), counted up
 * to the evaluation date. A jurisdiction may require more (a county: two report hearings a year), never fewer.
 */
@ApplicationScoped
public class MeetingCount implements RuleType<MeetingCount.Meetings> {

    /** The kind of meeting counted, and how many the issuer requires. */
    public record Meetings(MeetingType meetingType, int min) {
    }

    private final Database db;

    MeetingCount(Database db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "MEETING_COUNT";
    }

    @Override
    public Meetings parse(RuleReader rule) {
        return new Meetings(rule.oneOf("meetingType", MeetingType.class), rule.count("min"));
    }

    /** The seed ANNUAL_COMMITTEE_STUDY's rule. */
    @Override
    public ObjectNode example() {
        return RuleReader.object(name()).put("meetingType", MeetingType.STANDING_COMMITTEE_STUDY.name()).put("min", 1);
    }

    @Override
    public Map<String, Adjustable> adjustable() {
        return Map.of("min", Adjustable.higher(Bounds.count(1)));
    }

    @Override
    public String threshold() {
        return "min";
    }

    /** The meetings of the region in the period up to the evaluation date: one index range per region evaluated. */
    @Override
    public Measure measure(RuleQuery<Meetings> q) {
        return new Measure(Measure.NO_JOINS, Sql.of("(SELECT COUNT(*) FROM meeting mm WHERE mm.region_code = :code"
                + " AND mm.type = :type AND mm.meeting_date BETWEEN :from AND :to)")
                .bind("code", q.regionCode()).bind("type", q.rule().meetingType())
                .bind("from", q.period().start()).bind("to", q.period().knownOn()), q.threshold(), Measure.NEVER, null);
    }

    @Override
    public Texts texts(Found<Meetings> found) {
        return new Texts(RuleFields.count(found.expected()),
                found.status() == ComplianceStatus.NO_DATA ? null : RuleFields.count(found.actual()));
    }

    @Override
    public List<Evidence> evidence(Found<Meetings> found) {
        return evidence(List.of(found)).get(0);
    }

    /** The meetings counted, so that an inspector can check the verdict by hand: of every item in one statement. */
    @Override
    public List<List<Evidence>> evidence(List<Found<Meetings>> found) {
        return EvidenceRows.read(db, found, f -> f.status() == ComplianceStatus.NO_DATA ? null
                : Sql.of("SELECT id, document_ref, meeting_date, title FROM meeting WHERE region_code = :code"
                        + " AND type = :type AND meeting_date BETWEEN :from AND :to")
                        .bind("code", f.regionCode()).bind("type", f.rule().meetingType())
                        .bind("from", f.periodStart()).bind("to", f.knownOn()), "meeting_date, id",
                rs -> new Evidence("MEETING", rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate() + " " + rs.getString(4)));
    }
}
