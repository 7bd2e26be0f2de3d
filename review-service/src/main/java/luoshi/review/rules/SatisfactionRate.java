package luoshi.review.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import luoshi.api.assessment.AssessmentSubject;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Evidence;
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
 * SATISFACTION_RATE (MASS_SATISFACTION, SUBORDINATE_SATISFACTION; SHAOXING-2015: 以群众满意为标准引入第三方评估，增加下级
 * 群团组织和所联系服务群众满意度所占权重; ZHEJIANG-2020 §8: 群团工作好不好，自己说了不算): Σ satisfied ÷ Σ respondents of the
 * year's assessments of the region about {@code subject} is at least {@code minShare}, compared exactly as
 * Σ satisfied ≥ minShare × Σ respondents (800 of 1,000 meets 0.8). The seeds set no number: with no minShare in force
 * NOT_APPLICABLE; with no assessment of the year NO_DATA.
 */
@ApplicationScoped
public class SatisfactionRate implements RuleType<SatisfactionRate.Satisfaction> {

    static final String MIN_SHARE = "minShare";

    /** Whose satisfaction is counted, and the share in force (null where none is set). */
    public record Satisfaction(AssessmentSubject subject, BigDecimal minShare) {
    }

    private final Database db;

    SatisfactionRate(Database db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "SATISFACTION_RATE";
    }

    @Override
    public Satisfaction parse(RuleReader rule) {
        return new Satisfaction(rule.oneOf("subject", AssessmentSubject.class), rule.optionalDecimal(MIN_SHARE));
    }

    /** The seed MASS_SATISFACTION's rule (no minShare: each jurisdiction sets its own). */
    @Override
    public ObjectNode example() {
        return RuleReader.object(name()).put("subject", AssessmentSubject.MASSES.name());
    }

    @Override
    public Map<String, Adjustable> adjustable() {
        return Map.of(MIN_SHARE, Adjustable.higher(Bounds.SHARE));
    }

    @Override
    public String threshold() {
        return MIN_SHARE;
    }

    /** The year's assessments of the regions of the query about the subject, summed per region (one GROUP BY). */
    @Override
    public Measure measure(RuleQuery<Satisfaction> q) {
        Sql joins = Sql.of("LEFT JOIN (SELECT sa.region_code, SUM(sa.satisfied) AS satisfied, SUM(sa.respondents) AS"
                + " respondents FROM satisfaction_assessment sa WHERE sa.subject = :subject AND sa.year = :year"
                + " AND sa.region_code LIKE :pattern GROUP BY sa.region_code) sat ON sat.region_code = :code")
                .bind("subject", q.rule().subject()).bind("year", q.period().year()).bind("pattern", q.factsPattern())
                .bind("code", q.regionCode());
        return new Measure(joins, Sql.of("COALESCE(sat.satisfied, 0)"),
                Sql.of("(:share) * COALESCE(sat.respondents, 0)").bind("share", q.threshold()),
                Sql.of("sat.respondents IS NULL"), Sql.of("COALESCE(sat.respondents, 0)"));
    }

    /** NO_DATA when {@code noData} holds: no assessment of the year is recorded. */
    @Override
    public List<String> missingFacts(Found<Satisfaction> found) {
        return List.of("ASSESSMENT");
    }

    /** Expected the share ("0.8"), actual the share found and its counts ("0.7990 (799 of 1000)"). */
    @Override
    public Texts texts(Found<Satisfaction> found) {
        String expected = found.rule().minShare() == null ? null : found.rule().minShare().toPlainString();
        if (found.status() == ComplianceStatus.NO_DATA || found.base() == null || found.base().signum() == 0) {
            return new Texts(expected, null);
        }
        return new Texts(expected, found.actual().divide(found.base(), 4, RoundingMode.HALF_UP).toPlainString() + " ("
                + found.actual().toBigInteger() + " of " + found.base().toBigInteger() + ")");
    }

    @Override
    public List<Evidence> evidence(Found<Satisfaction> found) {
        return evidence(List.of(found)).get(0);
    }

    /** Each assessment counted: its assessor, method and numbers; of every item in one statement. */
    @Override
    public List<List<Evidence>> evidence(List<Found<Satisfaction>> found) {
        return EvidenceRows.read(db, found, f -> f.status() == ComplianceStatus.NO_DATA ? null
                : Sql.of("SELECT id, document_ref, assessor, method, satisfied, respondents FROM satisfaction_assessment"
                        + " WHERE region_code = :code AND year = :year AND subject = :subject")
                        .bind("code", f.regionCode()).bind("year", f.periodStart().getYear()).bind("subject", f.rule().subject()),
                "id", rs -> new Evidence("ASSESSMENT", rs.getString(1), rs.getString(2), rs.getString(3) + ", " + rs.getString(4)
                        + ": " + rs.getInt(5) + " of " + rs.getInt(6) + " satisfied"));
    }
}
