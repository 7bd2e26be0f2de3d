package luoshi.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import luoshi.platform.ProblemException;
import luoshi.api.common.Violation;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementPeriod;
import luoshi.api.region.RegionCode;
import luoshi.api.region.RegionLevel;
import luoshi.api.requirement.NewRequirement;
import luoshi.api.requirement.ParameterSetting;
import luoshi.audit.AuditTrail;
import luoshi.audit.DataVersion;
import luoshi.db.Database;
import luoshi.db.DatabaseException;
import luoshi.db.Sql;

/**
 * The requirements this service owns, as data (REQUIREMENTS.md): the seed catalog, requirements added by
 * administrators, and jurisdiction parameters. Reads go through a {@link Catalog}, the catalog at one data version,
 * read once per version and shared by every evaluation of it; writes advance the data version (through the audit
 * trail), so no evaluation sees a catalog older than its request.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RequirementCatalog {

    private final Database db;
    private final ObjectMapper json;
    private final Map<String, RuleType> ruleTypes = new HashMap<>();
    private final String owner;
    private final AuditTrail audit;
    private final DataVersion dataVersion;
    private volatile Catalog latest;

    public RequirementCatalog(Database db, ObjectMapper json, Instance<RuleType> types, RulesConfig config,
            AuditTrail audit, DataVersion dataVersion) {
        this.db = db;
        this.audit = audit;
        this.json = json;
        this.dataVersion = dataVersion;
        types.forEach(t -> ruleTypes.put(t.name(), t));
        this.owner = config.owner();
    }

    /** The catalog as the committed data stands now. */
    public Catalog current() {
        return at(dataVersion.current());
    }

    /**
     * The catalog at data version {@code version} (read from {@link DataVersion#current()}): the one kept when it is
     * of that version, else read afresh (and kept when it is newer than the one kept).
     */
    public Catalog at(long version) {
        Catalog kept = latest;
        if (kept != null && kept.version() == version) {
            return kept;
        }
        Catalog read = read(version);
        synchronized (this) {
            if (latest == null || latest.version() < version) {
                latest = read;
            }
        }
        return read;
    }

    /** Every requirement of this service, by id. */
    public List<Requirement> all() {
        return current().all();
    }

    public Requirement get(String id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("No requirement " + id));
    }

    public Optional<Requirement> find(String id) {
        return current().find(id);
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
        try {
            db.update(Sql.of("INSERT INTO requirement (id, title, title_zh, source, issuer_region_code, levels, period, rule_type,"
                    + " rule_json, due_date) VALUES (:id, :title, :titleZh, :source, :issuer, :levels, :period, :type, :rule, :due)")
                    .bind("id", r.id()).bind("title", r.title()).bind("titleZh", r.titleZh()).bind("source", r.source())
                    .bind("issuer", r.issuerRegionCode())
                    .bind("levels", String.join(",", r.levels().stream().distinct().sorted().map(Enum::name).toList()))
                    .bind("period", r.period()).bind("type", typeName).bind("rule", r.rule().toString())
                    .bind("due", r.dueDate()));
        } catch (DatabaseException e) {
            if (e.duplicateKey()) {
                throw ProblemException.conflict("A requirement " + r.id() + " exists already");
            }
            throw e;
        }
        // read in this transaction: the row is not committed, so no Catalog holds it yet
        Requirement created = requirements(Sql.of("SELECT * FROM requirement WHERE id = :id").bind("id", r.id())).get(0);
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
        Catalog catalog = current();
        Requirement r = catalog.find(id).orElseThrow(() -> ProblemException.notFound("No requirement " + id));
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
        Map<String, BigDecimal> settingsAbove = catalog.effectiveSettings(r, regionCode, false);
        List<Violation> violations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Strictness strictness = type.adjustable().get(e.getKey());
            if (strictness == null) {
                violations.add(new Violation(e.getKey(), "cannot be set by a jurisdiction; adjustable: " + type.adjustable().keySet()));
                continue;
            }
            Optional<BigDecimal> value = Catalog.decimal(e.getValue());
            if (value.isEmpty()) {
                violations.add(new Violation(e.getKey(), "must be a number"));
                continue;
            }
            BigDecimal inForce = settingsAbove.get(e.getKey());
            if (inForce != null && strictness.laxer(value.get(), inForce)) {
                violations.add(new Violation(e.getKey(), "must be " + strictness.bound() + " " + inForce.toPlainString()
                        + ", the value " + catalog.setter(r, e.getKey(), regionCode) + " set; a jurisdiction may only be stricter"));
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
        ObjectNode before = catalog.settings(id).get(regionCode);
        db.update(Sql.of("INSERT INTO requirement_parameter (requirement_id, region_code, parameters_json)"
                + " VALUES (:id, :region, :parameters) ON DUPLICATE KEY UPDATE parameters_json = VALUES(parameters_json)")
                .bind("id", id).bind("region", regionCode).bind("parameters", parameters.toString()));
        ParameterSetting setting = new ParameterSetting(id, regionCode, parameters);
        audit.record(before == null ? AuditTrail.Action.CREATE : AuditTrail.Action.UPDATE, "requirement-parameters",
                id + "@" + regionCode, regionCode, before == null ? null : new ParameterSetting(id, regionCode, before), setting);
        return setting;
    }

    /** The requirements and every setting, in two statements. */
    private Catalog read(long version) {
        Map<String, Map<String, ObjectNode>> settings = new HashMap<>();
        db.list(Sql.of("SELECT requirement_id, region_code, parameters_json FROM requirement_parameter"
                + " ORDER BY requirement_id, region_code"), rs -> settings.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), object(rs.getString(3))));
        return new Catalog(version, requirements(Sql.of("SELECT * FROM requirement ORDER BY id")), settings, ruleTypes);
    }

    private List<Requirement> requirements(Sql sql) {
        return db.list(sql, rs -> {
            Date due = rs.getDate("due_date");
            return new Requirement(rs.getString("id"), rs.getString("title"), rs.getString("title_zh"),
                    rs.getString("source"), rs.getString("issuer_region_code"),
                    Arrays.stream(rs.getString("levels").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                            .map(RegionLevel::valueOf).sorted().toList(),
                    RequirementPeriod.valueOf(rs.getString("period")), object(rs.getString("rule_json")),
                    due == null ? null : due.toLocalDate(), owner);
        });
    }

    private ObjectNode object(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored rule or parameter setting is not JSON: " + text, e);
        }
    }
}
