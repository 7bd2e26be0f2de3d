package luoshi.org.compliance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import luoshi.api.common.Violation;
import luoshi.api.compliance.Evidence;
import luoshi.api.compliance.Requirement;
import luoshi.api.org.Employment;
import luoshi.api.org.LeaderRole;
import luoshi.api.region.RegionCode;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.Catalog;
import luoshi.rules.Strictness;

/**
 * LEADER_EMPLOYMENT (TOWNSHIP_FULL_TIME_HEADS, SHAOXING-2015 item 27: 乡镇（街道）工会、共青团、妇联组织主要负责人
 * 原则上应设专职): the region has an organisation of each named type, and every one of them has, on the
 * evaluation date, a leader of the named role in office and all such leaders of that employment.
 * A type missing from the region is a type not met.
 */
@ApplicationScoped
public class LeaderEmploymentRule implements LeadershipRule {

    private final Database db;

    public LeaderEmploymentRule(Database db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "LEADER_EMPLOYMENT";
    }

    @Override
    public List<Violation> validate(ObjectNode rule) {
        List<Violation> v = new ArrayList<>();
        LeaderRules.checkOrganizationTypes(rule, v);
        if (!LeaderRules.isOneOf(rule.path("role").asText(), LeaderRole.class)) {
            v.add(new Violation("rule.role", "must be one of HEAD, DEPUTY, MEMBER"));
        }
        if (!LeaderRules.isOneOf(rule.path("employment").asText(), Employment.class)) {
            v.add(new Violation("rule.employment", "must be one of FULL_TIME, PART_TIME, SECONDED"));
        }
        return v;
    }

    @Override
    public Map<String, Strictness> adjustable() {
        return Map.of();
    }

    @Override
    public Query verdicts(Catalog catalog, Requirement r, LocalDate on, String scope) {
        List<String> types = LeaderRules.organizationTypes(r.rule());
        // A type counts as met when present and none of its organisations lacks a qualifying leader: an organisation
        // with no leader of the role in office joins one row with l.id NULL, one with a leader of another employment a
        // row naming it. A plain join on the indexes, so that a subtree or one region reads its own organisations'
        // leaders only (a grouped subquery over all leaders cost every province rollup a pass over the country's).
        Sql sql = Sql.of("SELECT t.code AS code, COUNT(DISTINCT o.type) - COUNT(DISTINCT CASE WHEN l.id IS NULL "
                + "OR l.employment <> :employment THEN o.type END) AS met, " + types.size() + " AS needed, NULL AS threshold "
                + "FROM region t "
                + "LEFT JOIN organization o ON o.region_code = t.code AND o.type IN (:types) "
                + "LEFT JOIN leader l ON l.organization_id = o.id AND l.role = :role AND " + LeaderRules.inOffice("l") + " "
                + "WHERE t.level IN (" + LeaderRules.levels(r.levels()) + ") AND t.code LIKE :issuer AND t.code LIKE :scope "
                + "GROUP BY t.code")
                .bind("employment", r.rule().path("employment").asText()).bind("types", types)
                .bind("role", r.rule().path("role").asText()).bind("on", on)
                .bind("issuer", RegionCode.subtreePattern(r.issuerRegionCode())).bind("scope", scope);
        return new Query(sql);
    }

    @Override
    public String statusSql() {
        // a state rule not met on its evaluation date is NON_COMPLIANT (REQUIREMENTS.md, Statuses)
        return "CASE WHEN v.met = v.needed THEN 'COMPLIANT' ELSE 'NON_COMPLIANT' END";
    }

    @Override
    public String expected(ObjectNode rule) {
        return String.join(", ", LeaderRules.organizationTypes(rule)) + ": each led by a " + rule.path("employment").asText()
                + " " + rule.path("role").asText();
    }

    @Override
    public String actual(long met, long needed) {
        return met + " of " + needed + " types met";
    }

    @Override
    public List<Evidence> evidence(ObjectNode rule, String regionCode, LocalDate on) {
        List<String> types = LeaderRules.organizationTypes(rule);
        List<Evidence> evidence = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>();
        Set<Long> listed = new LinkedHashSet<>();
        db.list(Sql.of("SELECT o.id, o.type, o.name, l.id, l.name, l.employment, l.tenure_from, l.tenure_to FROM organization o "
                + "LEFT JOIN leader l ON l.organization_id = o.id AND l.role = :role AND " + LeaderRules.inOffice("l")
                + " WHERE o.region_code = :code AND o.type IN (:types) ORDER BY o.type, o.id, l.id")
                .bind("role", rule.path("role").asText()).bind("on", on).bind("code", regionCode).bind("types", types),
                rs -> {
                    long orgId = rs.getLong(1);
                    present.add(rs.getString(2));
                    if (listed.add(orgId)) {
                        evidence.add(new Evidence("ORGANIZATION", String.valueOf(orgId), null, rs.getString(2) + " " + rs.getString(3)
                                + (rs.getObject(4) == null ? ": no " + rule.path("role").asText() + " in office on " + on : "")));
                    }
                    if (rs.getObject(4) != null) {
                        evidence.add(new Evidence("LEADER", String.valueOf(rs.getLong(4)), null, rs.getString(5) + ", "
                                + rule.path("role").asText() + " of " + rs.getString(3) + ", " + rs.getString(6) + ", "
                                + rs.getObject(7, LocalDate.class) + ".." + (rs.getObject(8) == null ? "" : rs.getObject(8, LocalDate.class))));
                    }
                    return null;
                });
        for (String type : types) {
            if (!present.contains(type)) {
                evidence.add(new Evidence("ORGANIZATION", null, null, "no " + type + " organisation in " + regionCode));
            }
        }
        return evidence;
    }
}
