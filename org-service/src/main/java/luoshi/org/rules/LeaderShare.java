package luoshi.org.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import luoshi.api.compliance.Evidence;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.spi.EvidenceRows;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.Measure;
import luoshi.rules.spi.RuleQuery;
import luoshi.rules.spi.RuleReader;

/**
 * LEADER_SHARE (FRONTLINE_SHARE, CENTRAL-2015 §11; SHAOXING-2015 items 11, 25: 基层一线代表人士的比例): of the leaders
 * in office on the evaluation date of the named organisation types of the region, the share with the flag
 * ({@code frontline}) is at least {@code minShare}, compared exactly as flagged ≥ minShare × leaders. The seeds set no
 * number: with no minShare in force NOT_APPLICABLE; with no leader at all NO_DATA. Exactly at the threshold: met.
 */
@ApplicationScoped
public class LeaderShare extends MinimumShareRule {

    private final Database db;

    LeaderShare(Database db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "LEADER_SHARE";
    }

    /** The share rule's parameters, and {@code flag}: the only flag leaders have is {@code frontline}. */
    @Override
    public Share parse(RuleReader rule) {
        Share share = super.parse(rule);
        rule.exactly("flag", "frontline");
        return share;
    }

    /** The seed FRONTLINE_SHARE's rule (no minShare: each jurisdiction sets its own). */
    @Override
    public ObjectNode example() {
        return LeaderFacts.mainTypes(RuleReader.object(name()).put("flag", "frontline"));
    }

    @Override
    public Measure measure(RuleQuery<Share> q) {
        Sql joins = Sql.of("LEFT JOIN (SELECT o.region_code, SUM(l.frontline) AS flagged, COUNT(*) AS leaders"
                + " FROM organization o JOIN leader l ON l.organization_id = o.id AND :inOffice"
                + " WHERE o.type IN (:types) AND o.region_code LIKE :pattern GROUP BY o.region_code) s"
                + " ON s.region_code = :code")
                .bind("inOffice", LeaderFacts.inOffice("l", q.period().knownOn()))
                .bind("types", q.rule().organizationTypes()).bind("pattern", q.factsPattern()).bind("code", q.regionCode());
        return new Measure(joins, Sql.of("COALESCE(s.flagged, 0)"),
                Sql.of("(:share) * COALESCE(s.leaders, 0)").bind("share", q.threshold()),
                Sql.of("s.leaders IS NULL"), Sql.of("COALESCE(s.leaders, 0)"));
    }

    /** NO_DATA when {@code noData} holds: the region's organisations have no leaders recorded. */
    @Override
    public List<String> missingFacts(Found<Share> found) {
        return List.of("LEADER");
    }

    @Override
    public Texts texts(Found<Share> found) {
        return new Texts(found.rule().shown(), LeaderFacts.ratio(found.actual(), found.base(), ""));
    }

    @Override
    public List<Evidence> evidence(Found<Share> found) {
        return evidence(List.of(found)).get(0);
    }

    /** The leaders in office of the types counted, of every item in one statement. */
    @Override
    public List<List<Evidence>> evidence(List<Found<Share>> found) {
        return EvidenceRows.read(db, found, f -> Sql.of("SELECT l.id, l.name, l.role, l.frontline,"
                + " o.name AS organization_name, o.type AS organization_type FROM leader l JOIN organization o"
                + " ON o.id = l.organization_id WHERE :inOffice AND o.region_code = :code AND o.type IN (:types)")
                .bind("inOffice", LeaderFacts.inOffice("l", f.knownOn())).bind("code", f.regionCode())
                .bind("types", f.rule().organizationTypes()), "organization_type, id",
                rs -> new Evidence("LEADER", String.valueOf(rs.getLong(1)), null, rs.getString(2) + ", " + rs.getString(3)
                        + " of " + rs.getString(5) + (rs.getBoolean(4) ? ", frontline" : "")));
    }
}
