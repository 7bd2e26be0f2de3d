package luoshi.org.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.Evidence;
import luoshi.api.org.OrganizationType;
import luoshi.api.region.RegionLevel;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.spi.EvidenceRows;
import luoshi.rules.spi.Found;
import luoshi.rules.spi.Measure;
import luoshi.rules.spi.RuleQuery;
import luoshi.rules.spi.RuleReader;

/**
 * ORGANIZATION_COVERAGE (SHAOXING-2015 item 10: 扩大群团组织覆盖面……着力推进群团活动向社区、村（居）延伸; CENTRAL-2015
 * §9): for each named organisation type, the share of the region's VILLAGE children that have an organisation of
 * that type is at least {@code minShare}; met when the least covered type is (covered ≥ minShare × villages, exactly).
 * The seeds set no number: NOT_APPLICABLE until a jurisdiction sets one. A region without village children: NO_DATA.
 */
@ApplicationScoped
public class OrganizationCoverage extends MinimumShareRule {

    private final Database db;

    OrganizationCoverage(Database db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "ORGANIZATION_COVERAGE";
    }

    /** The seed ORGANIZATION_COVERAGE's rule (no minShare: each jurisdiction sets its own). */
    @Override
    public ObjectNode example() {
        return LeaderFacts.mainTypes(RuleReader.object(name()));
    }

    /**
     * Per region: its villages, and the villages covered by the least covered type (0 when a type covers none): the
     * organisations of the villages are counted per (region, type), then the least taken per region.
     */
    @Override
    public Measure measure(RuleQuery<Share> q) {
        List<OrganizationType> types = q.rule().organizationTypes();
        Sql joins = Sql.of("LEFT JOIN (SELECT parent_code, COUNT(*) AS villages FROM region WHERE level = :village"
                + " AND code LIKE :pattern GROUP BY parent_code) n ON n.parent_code = :code"
                + " LEFT JOIN (SELECT k.parent_code, CASE WHEN COUNT(*) < :typeCount THEN 0 ELSE MIN(k.covered) END AS covered"
                + " FROM (SELECT v.parent_code, o.type, COUNT(DISTINCT v.code) AS covered FROM region v"
                + " JOIN organization o ON o.region_code = v.code AND o.type IN (:types)"
                + " WHERE v.level = :village AND v.code LIKE :pattern GROUP BY v.parent_code, o.type) k"
                + " GROUP BY k.parent_code) c ON c.parent_code = :code")
                .bind("village", RegionLevel.VILLAGE).bind("pattern", q.factsPattern()).bind("typeCount", types.size())
                .bind("types", types).bind("code", q.regionCode());
        return new Measure(joins, Sql.of("COALESCE(c.covered, 0)"),
                Sql.of("(:share) * COALESCE(n.villages, 0)").bind("share", q.threshold()),
                Sql.of("n.villages IS NULL"), Sql.of("n.villages"));
    }

    /** NO_DATA when {@code noData} holds: the township has no villages in the regions. */
    @Override
    public List<String> missingFacts(Found<Share> found) {
        return List.of("VILLAGES");
    }

    @Override
    public Texts texts(Found<Share> found) {
        return new Texts(found.rule().shown(), found.status() == ComplianceStatus.NO_DATA ? null
                : LeaderFacts.ratio(found.actual(), found.base(), " villages"));
    }

    @Override
    public List<Evidence> evidence(Found<Share> found) {
        return evidence(List.of(found)).get(0);
    }

    /** The villages without an organisation of each type: the villages of every item in one statement. */
    @Override
    public List<List<Evidence>> evidence(List<Found<Share>> found) {
        List<List<Village>> rows = EvidenceRows.read(db, found, f -> Sql.of("SELECT v.code, v.name, o.type FROM region v"
                + " LEFT JOIN organization o ON o.region_code = v.code AND o.type IN (:types)"
                + " WHERE v.parent_code = :code AND v.level = :village").bind("types", f.rule().organizationTypes())
                .bind("code", f.regionCode()).bind("village", RegionLevel.VILLAGE), "code",
                rs -> new Village(rs.getString(1), rs.getString(2), rs.getString(3)));
        List<List<Evidence>> evidence = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            evidence.add(uncovered(found.get(i).rule().organizationTypes(), rows.get(i)));
        }
        return evidence;
    }

    /** A village and a type of organisation it has (null: none of the types). */
    private record Village(String code, String name, String type) {
    }

    private static List<Evidence> uncovered(List<OrganizationType> types, List<Village> rows) {
        Map<String, String> villages = new LinkedHashMap<>();
        Map<String, Set<String>> typesIn = new LinkedHashMap<>();
        for (Village v : rows) {
            villages.put(v.code(), v.name());
            Set<String> present = typesIn.computeIfAbsent(v.code(), k -> new LinkedHashSet<>());
            if (v.type() != null) {
                present.add(v.type());
            }
        }
        List<Evidence> evidence = new ArrayList<>();
        for (OrganizationType type : types) {
            villages.forEach((code, name) -> {
                if (!typesIn.get(code).contains(type.name())) {
                    evidence.add(new Evidence("ORGANIZATION", null, null, "no " + type + " organisation in " + code + " " + name));
                }
            });
        }
        return evidence;
    }
}
