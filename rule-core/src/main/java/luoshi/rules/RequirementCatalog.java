package luoshi.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import luoshi.api.common.ProblemException;
import luoshi.api.common.Violation;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementPeriod;
import luoshi.api.region.RegionCode;
import luoshi.api.region.RegionLevel;
import luoshi.api.requirement.NewRequirement;
import luoshi.api.requirement.ParameterSetting;
import luoshi.audit.AuditTrail;

/**
 * The requirements this service owns, as data (REQUIREMENTS.md): the seed catalog, requirements
 * added by administrators, and jurisdiction parameters. A region inside the issuer's subtree may
 * set a stricter value for its own subtree; the most specific setting wins, and no setting is ever
 * laxer than one above it (不少于: "at least" — lower levels may only add).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RequirementCatalog {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Map<String, RuleType> ruleTypes = new HashMap<>();
    private final String owner;
    private final AuditTrail audit;

    public RequirementCatalog(AgroalDataSource dataSource, ObjectMapper json, Instance<RuleType> types, RulesConfig config,
            AuditTrail audit) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.json = json;
        types.forEach(t -> ruleTypes.put(t.name(), t));
        this.owner = config.owner();
    }

    /** Every requirement of this service, by id. */
    public List<Requirement> all() {
        return query("SELECT * FROM requirement ORDER BY id", ps -> { });
    }

    public Requirement get(String id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("No requirement " + id));
    }

    public Optional<Requirement> find(String id) {
        return query("SELECT * FROM requirement WHERE id = ?", ps -> ps.setString(1, id)).stream().findFirst();
    }

    @Transactional
    public Requirement create(NewRequirement r) {
        List<Violation> violations = new ArrayList<>();
        if (!RegionCode.isCountry(r.issuerRegionCode()) && RegionCode.levelOf(r.issuerRegionCode()).isEmpty()) {
            violations.add(new Violation("issuerRegionCode", "not a region code"));
        }
        if (r.period() == RequirementPeriod.ONCE && r.dueDate() == null) {
            violations.add(new Violation("dueDate", "is required for a ONCE requirement"));
        }
        if (r.period() != RequirementPeriod.ONCE && r.dueDate() != null) {
            violations.add(new Violation("dueDate", "only a ONCE requirement has a fixed due date"));
        }
        String typeName = r.rule().path("type").asText("");
        RuleType type = ruleTypes.get(typeName);
        if (type == null) {
            violations.add(new Violation("rule.type", typeName.isEmpty() ? "is required"
                    : "unknown rule type " + typeName + " here; this service evaluates " + ruleTypes.keySet().stream().sorted().toList()));
        } else {
            violations.addAll(type.validate(r.rule()));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO requirement (id, title, title_zh, source, issuer_region_code, levels, period, rule_type, rule_json, due_date)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, r.id());
            ps.setString(2, r.title());
            ps.setString(3, r.titleZh());
            ps.setString(4, r.source());
            ps.setString(5, r.issuerRegionCode());
            ps.setString(6, String.join(",", r.levels().stream().distinct().sorted().map(Enum::name).toList()));
            ps.setString(7, r.period().name());
            ps.setString(8, typeName);
            ps.setString(9, r.rule().toString());
            ps.setDate(10, r.dueDate() == null ? null : Date.valueOf(r.dueDate()));
            ps.executeUpdate();
        } catch (SQLIntegrityConstraintViolationException e) {
            throw ProblemException.conflict("A requirement " + r.id() + " exists already");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Requirement created = get(r.id());
        audit.record(AuditTrail.Action.CREATE, "requirement", r.id(), r.issuerRegionCode(), null, created);
        return created;
    }

    /**
     * Sets {@code regionCode}'s parameters of requirement {@code id} for its subtree. Refused (400)
     * when a key is not adjustable, when the region lies outside the issuer's subtree, or when a
     * value is laxer than the one in force above the region (the issuer's, or a nearer setting).
     */
    @Transactional
    public ParameterSetting setParameters(String id, String regionCode, ObjectNode parameters) {
        Requirement r = get(id);
        RuleType type = ruleTypes.get(r.rule().path("type").asText());
        if (!RegionCode.isCountry(regionCode) && RegionCode.levelOf(regionCode).isEmpty()) {
            throw ProblemException.badRequest("regionCode", "not a region code: " + regionCode);
        }
        if (!RegionCode.contains(r.issuerRegionCode(), regionCode)) {
            throw ProblemException.badRequest("regionCode", regionCode + " is outside the subtree of "
                    + r.issuerRegionCode() + ", which issued " + id);
        }
        if (parameters.isEmpty()) {
            throw ProblemException.badRequest("body", "names no parameter; adjustable: " + type.adjustable().keySet());
        }
        Map<String, BigDecimal> settingsAbove = effectiveSettings(r, settings(id), regionCode, false);
        List<Violation> violations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Strictness strictness = type.adjustable().get(e.getKey());
            if (strictness == null) {
                violations.add(new Violation(e.getKey(), "cannot be set by a jurisdiction; adjustable: " + type.adjustable().keySet()));
                continue;
            }
            Optional<BigDecimal> value = decimal(e.getValue());
            if (value.isEmpty()) {
                violations.add(new Violation(e.getKey(), "must be a number"));
                continue;
            }
            BigDecimal inForce = settingsAbove.get(e.getKey());
            if (inForce != null && strictness.laxer(value.get(), inForce)) {
                violations.add(new Violation(e.getKey(), "must be " + strictness.bound() + " " + inForce.toPlainString()
                        + ", the value " + setter(r, e.getKey(), regionCode) + " set; a jurisdiction may only be stricter"));
            }
        }
        if (violations.isEmpty()) {
            ObjectNode merged = r.rule().deepCopy();
            merged.setAll(parameters);
            violations.addAll(type.validate(merged).stream()
                    .map(v -> new Violation(v.field().replaceFirst("^rule\\.", ""), v.message())).toList());
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations);
        }
        ObjectNode before = settings(id).get(regionCode);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO requirement_parameter (requirement_id, region_code, parameters_json) VALUES (?,?,?)"
                        + " ON DUPLICATE KEY UPDATE parameters_json = VALUES(parameters_json)")) {
            ps.setString(1, id);
            ps.setString(2, regionCode);
            ps.setString(3, parameters.toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        ParameterSetting setting = new ParameterSetting(id, regionCode, parameters);
        audit.record(before == null ? AuditTrail.Action.CREATE : AuditTrail.Action.UPDATE, "requirement-parameters",
                id + "@" + regionCode, regionCode, before == null ? null : new ParameterSetting(id, regionCode, before), setting);
        return setting;
    }

    /** True when {@code r} applies to the region: inside the issuer's subtree and of one of its levels. */
    public boolean applies(Requirement r, String regionCode) {
        Optional<RegionLevel> level = RegionCode.levelOf(regionCode);
        return level.isPresent() && r.levels().contains(level.get()) && RegionCode.contains(r.issuerRegionCode(), regionCode);
    }

    /** The rule in force for a region: the issuer's parameters overlaid with the settings on the region's path. */
    public ObjectNode effectiveRule(Requirement r, String regionCode) {
        ObjectNode rule = r.rule().deepCopy();
        effectiveSettings(r, settings(r.id()), regionCode, true).forEach((k, v) -> rule.put(k, v));
        return rule;
    }

    /**
     * An SQL expression for the value of a numeric parameter in force for the region whose code is
     * in {@code codeColumn}: {@code CASE WHEN col LIKE '330602%' THEN 25000.00 WHEN … ELSE 20000.00 END},
     * most specific setting first, so that subtree rollups take each region's own value in one
     * query; just the issuer's value when no setting differs. {@code NULL} where no value is set at
     * all (a rule that is not applicable yet).
     */
    public String parameterSql(Requirement r, String parameter, String codeColumn) {
        Map<String, ObjectNode> settings = settings(r.id());
        List<String> regions = new ArrayList<>(settings.keySet());
        regions.sort(Comparator.comparingInt((String code) -> RegionCode.prefix(code).length()).reversed());
        Optional<BigDecimal> issuer = decimal(r.rule().get(parameter));
        StringBuilder sql = new StringBuilder("CASE");
        for (String region : regions) {
            BigDecimal v = effectiveSettings(r, settings, region, true).get(parameter);
            if (v != null && !v.equals(issuer.orElse(null))) {
                sql.append(" WHEN ").append(codeColumn).append(" LIKE '").append(RegionCode.subtreePattern(region))
                        .append("' THEN ").append(v.toPlainString());
            }
        }
        String otherwise = issuer.map(BigDecimal::toPlainString).orElse("NULL");
        if (sql.length() == "CASE".length()) {
            return otherwise;          // no setting differs from the issuer's: a CASE with no WHEN is not SQL
        }
        return sql.append(" ELSE ").append(otherwise).append(" END").toString();
    }

    /** The requirement's settings by region code. */
    public Map<String, ObjectNode> settings(String id) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT region_code, parameters_json FROM requirement_parameter WHERE requirement_id = ? ORDER BY region_code")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), (ObjectNode) json.readTree(rs.getString(2)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /**
     * The adjustable values in force at {@code regionCode}: the issuer's, made stricter by each
     * setting on the path from the issuer down to the region ({@code includeOwn}: the region's own
     * setting too). Taking the stricter at each step makes "most specific wins" and "never laxer
     * than above" agree even when an upper level tightened its value after a lower one.
     */
    private Map<String, BigDecimal> effectiveSettings(Requirement r, Map<String, ObjectNode> settings, String regionCode,
            boolean includeOwn) {
        RuleType type = ruleTypes.get(r.rule().path("type").asText());
        Map<String, BigDecimal> values = new HashMap<>();
        if (type == null) {
            return values;
        }
        type.adjustable().keySet().forEach(k -> decimal(r.rule().get(k)).ifPresent(v -> values.put(k, v)));
        List<String> path = new ArrayList<>(RegionCode.ancestors(regionCode));
        java.util.Collections.reverse(path);                 // country first
        if (includeOwn) {
            path.add(regionCode);
        }
        for (String code : path) {
            ObjectNode s = settings.get(code);
            if (s == null || !RegionCode.contains(r.issuerRegionCode(), code)) {
                continue;
            }
            type.adjustable().forEach((k, strictness) -> decimal(s.get(k)).ifPresent(v ->
                    values.merge(k, v, strictness::stricter)));
        }
        return values;
    }

    /** Who set the value in force above {@code regionCode}: "issuer 330600" or "330602". */
    private String setter(Requirement r, String key, String regionCode) {
        Map<String, ObjectNode> settings = settings(r.id());
        for (String code : RegionCode.ancestors(regionCode)) {
            if (settings.containsKey(code) && settings.get(code).has(key) && RegionCode.contains(r.issuerRegionCode(), code)) {
                return code.equals(r.issuerRegionCode()) ? "the issuer " + code : code;
            }
        }
        return "the issuer " + r.issuerRegionCode();
    }

    static Optional<BigDecimal> decimal(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        try {
            return Optional.of(new BigDecimal(node.asText().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Requirement> query(String sql, Binder binder) {
        List<Requirement> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date due = rs.getDate("due_date");
                    out.add(new Requirement(rs.getString("id"), rs.getString("title"), rs.getString("title_zh"),
                            rs.getString("source"), rs.getString("issuer_region_code"),
                            Arrays.stream(rs.getString("levels").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                                    .map(RegionLevel::valueOf).sorted().toList(),
                            RequirementPeriod.valueOf(rs.getString("period")),
                            (ObjectNode) json.readTree(rs.getString("rule_json")),
                            due == null ? null : due.toLocalDate(), owner));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
