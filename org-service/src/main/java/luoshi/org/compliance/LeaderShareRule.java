package luoshi.org.compliance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import luoshi.api.common.Violation;
import luoshi.api.compliance.Evidence;
import luoshi.api.compliance.Requirement;
import luoshi.api.region.RegionCode;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.Catalog;
import luoshi.rules.Strictness;

/**
 * LEADER_SHARE (FRONTLINE_SHARE, CENTRAL-2015 §11; SHAOXING-2015 items 11, 25: 基层一线代表人士的比例): of the
 * leaders in office on the evaluation date of the named organisation types of the region, the share with the
 * flag ({@code frontline}) is at least {@code minShare}. The seeds set no number: with no minShare in force
 * the rule is NOT_APPLICABLE; with no leader at all it is NO_DATA. A share exactly at the threshold is met.
 */
@ApplicationScoped
public class LeaderShareRule implements LeadershipRule {

    static final String MIN_SHARE = "minShare";

    private final Database db;

    public LeaderShareRule(Database db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "LEADER_SHARE";
    }

    @Override
    public List<Violation> validate(ObjectNode rule) {
        List<Violation> v = new ArrayList<>();
        LeaderRules.checkOrganizationTypes(rule, v);
        if (!"frontline".equals(rule.path("flag").asText())) {
            v.add(new Violation("rule.flag", "must be frontline"));
        }
        if (rule.has(MIN_SHARE)) {
            Optional<BigDecimal> share = Catalog.decimal(rule.get(MIN_SHARE));
            if (share.isEmpty() || share.get().signum() <= 0 || share.get().compareTo(BigDecimal.ONE) > 0) {
                v.add(new Violation("rule.minShare", "must be a share above 0 and at most 1"));
            }
        }
        return v;
    }

    @Override
    public Map<String, Strictness> adjustable() {
        return Map.of(MIN_SHARE, Strictness.HIGHER);
    }

    @Override
    public Query verdicts(Catalog catalog, Requirement r, LocalDate on, String scope) {
        List<String> types = LeaderRules.organizationTypes(r.rule());
        Sql sql = Sql.of("SELECT t.code AS code, COALESCE(SUM(l.frontline), 0) AS met, COUNT(l.id) AS needed, "
                + catalog.parameterSql(r, MIN_SHARE, "t.code") + " AS threshold FROM region t "
                + "LEFT JOIN organization o ON o.region_code = t.code AND o.type IN (:types) "
                + "LEFT JOIN leader l ON l.organization_id = o.id AND " + LeaderRules.inOffice("l") + " "
                + "WHERE t.level IN (" + LeaderRules.levels(r.levels()) + ") AND t.code LIKE :issuer AND t.code LIKE :scope "
                + "GROUP BY t.code")
                .bind("types", types).bind("on", on).bind("issuer", RegionCode.subtreePattern(r.issuerRegionCode()))
                .bind("scope", scope);
        return new Query(sql);
    }

    @Override
    public String statusSql() {
        // met ÷ needed ≥ threshold, compared exactly as met ≥ threshold × needed
        return "CASE WHEN v.threshold IS NULL THEN 'NOT_APPLICABLE' WHEN v.needed = 0 THEN 'NO_DATA' "
                + "WHEN v.met >= v.threshold * v.needed THEN 'COMPLIANT' ELSE 'NON_COMPLIANT' END";
    }

    @Override
    public String expected(ObjectNode rule) {
        return Catalog.decimal(rule.get(MIN_SHARE)).map(BigDecimal::toPlainString).orElse(null);
    }

    @Override
    public String actual(long met, long needed) {
        return needed == 0 ? null
                : BigDecimal.valueOf(met).divide(BigDecimal.valueOf(needed), 4, RoundingMode.HALF_UP).toPlainString()
                        + " (" + met + " of " + needed + ")";
    }

    @Override
    public List<Evidence> evidence(ObjectNode rule, String regionCode, LocalDate on) {
        List<String> types = LeaderRules.organizationTypes(rule);
        return db.list(Sql.of("SELECT l.id, l.name, l.role, l.frontline, o.name FROM leader l JOIN organization o "
                + "ON o.id = l.organization_id WHERE " + LeaderRules.inOffice("l") + " AND o.region_code = :code "
                + "AND o.type IN (:types) ORDER BY o.type, l.id").bind("on", on).bind("code", regionCode).bind("types", types),
                rs -> new Evidence("LEADER", String.valueOf(rs.getLong(1)), null, rs.getString(2) + ", " + rs.getString(3)
                        + " of " + rs.getString(5) + (rs.getBoolean(4) ? ", frontline" : "")));
    }
}
