package luoshi.org.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import luoshi.api.common.Violation;
import luoshi.api.compliance.Evidence;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.Measure;
import luoshi.rules.spi.RuleQuery;

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

    @Override
    public List<Violation> validate(ObjectNode rule) {
        List<Violation> v = new ArrayList<>(super.validate(rule));
        if (!"frontline".equals(rule.path("flag").asText())) {
            v.add(new Violation("rule.flag", "must be frontline"));
        }
        return v;
    }

    @Override
    public Measure measure(RuleQuery q) {
        Sql joins = Sql.of("LEFT JOIN (SELECT o.region_code, SUM(l.frontline) AS flagged, COUNT(*) AS leaders"
                + " FROM organization o JOIN leader l ON l.organization_id = o.id AND :inOffice"
                + " WHERE o.type IN (:types) AND o.region_code LIKE :pattern GROUP BY o.region_code) s ON s.region_code = g.code")
                .bind("inOffice", LeaderFacts.inOffice("l", q.period().knownOn()))
                .bind("types", LeaderFacts.organizationTypes(q.rule())).bind("pattern", q.factsPattern());
        return new Measure(joins, Sql.of("COALESCE(s.flagged, 0)"),
                Sql.of("(:share) * COALESCE(s.leaders, 0)").bind("share", q.threshold()),
                Sql.of("s.leaders IS NULL"), Sql.of("COALESCE(s.leaders, 0)"));
    }

    @Override
    public Texts texts(Found found) {
        return new Texts(LeaderFacts.share(found.rule()), LeaderFacts.ratio(found.actual(), found.base(), ""));
    }

    @Override
    public List<Evidence> evidence(Found found) {
        return db.list(Sql.of("SELECT l.id, l.name, l.role, l.frontline, o.name FROM leader l JOIN organization o"
                + " ON o.id = l.organization_id WHERE :inOffice AND o.region_code = :code AND o.type IN (:types)"
                + " ORDER BY o.type, l.id").bind("inOffice", LeaderFacts.inOffice("l", found.knownOn()))
                .bind("code", found.regionCode()).bind("types", LeaderFacts.organizationTypes(found.rule())),
                rs -> new Evidence("LEADER", String.valueOf(rs.getLong(1)), null, rs.getString(2) + ", " + rs.getString(3)
                        + " of " + rs.getString(5) + (rs.getBoolean(4) ? ", frontline" : "")));
    }
}
