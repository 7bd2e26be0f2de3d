package luoshi.rules.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import luoshi.api.common.Violation;
import luoshi.api.compliance.Dimension;
import luoshi.api.compliance.ItemOwner;
import luoshi.api.compliance.ItemWaiver;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementPeriod;
import luoshi.api.region.RegionCode;
import luoshi.api.region.RegionLevel;
import luoshi.api.requirement.NewRequirement;
import luoshi.api.requirement.ParameterSetting;
import luoshi.api.requirement.RequirementChange;
import luoshi.audit.AuditTrail;
import luoshi.audit.DataVersion;
import luoshi.db.Database;
import luoshi.db.DatabaseException;
import luoshi.db.RetriedOnConflict;
import luoshi.db.Sql;
import luoshi.platform.ProblemException;
import luoshi.rules.spi.RuleType;
import luoshi.rules.spi.Strictness;

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
    private final Clock clock;
    private volatile Catalog latest;

    public RequirementCatalog(Database db, ObjectMapper json, Instance<RuleType> types, RulesConfig config,
            AuditTrail audit, DataVersion dataVersion, Clock clock) {
        this.db = db;
        this.clock = clock;
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

    /** Every requirement of this service, by id, as in force today. */
    public List<Requirement> all() {
        return current().all(LocalDate.now(clock));
    }

    /** The requirement as its latest version (404 when this service has none of that id). */
    public Requirement get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    public Optional<Requirement> find(String id) {
        return current().find(id);
    }

    /** The requirement as in force today, with every version (GET /api/v1/requirements/{id}). */
    public Requirement describe(String id) {
        return current().describe(id, LocalDate.now(clock)).orElseThrow(() -> notFound(id));
    }

    static ProblemException notFound(String id) {
        return ProblemException.notFound("No requirement " + id);
    }

    @Transactional
    @RetriedOnConflict
    public Requirement create(NewRequirement r) {
        List<Violation> violations = new ArrayList<>();
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
            db.update(Sql.of("INSERT INTO requirement (id, title, title_zh, source, issuer_region_code, period, rule_type,"
                    + " due_date) VALUES (:id, :title, :titleZh, :source, :issuer, :period, :type, :due)")
                    .bind("id", r.id()).bind("title", r.title()).bind("titleZh", r.titleZh()).bind("source", r.source())
                    .bind("issuer", r.issuerRegionCode()).bind("period", r.period()).bind("type", typeName)
                    .bind("due", r.dueDate()));
            insertVersion(r.id(), 1, null, null, r.levels(), r.rule(), r.weight() == null ? BigDecimal.ONE : r.weight(),
                    r.dimension());
        } catch (DatabaseException e) {
            if (e.duplicateKey()) {
                throw ProblemException.conflict("A requirement " + r.id() + " exists already");
            }
            throw e;
        }
        // read in this transaction: the rows are not committed, so no Catalog holds them yet
        Requirement created = read(-1).describe(r.id(), LocalDate.now(clock)).orElseThrow();
        audit.record(AuditTrail.Action.CREATE, "requirement", r.id(), r.issuerRegionCode(), null, created);
        return created;
    }

    private void insertVersion(String id, int number, LocalDate from, LocalDate to, List<RegionLevel> levels,
            ObjectNode rule, BigDecimal weight, Dimension dimension) {
        db.update(Sql.of("INSERT INTO requirement_version (requirement_id, version, effective_from, effective_to, levels,"
                + " rule_json, weight, dimension) VALUES (:id, :version, :from, :to, :levels, :rule, :weight, :dimension)")
                .bind("id", id).bind("version", number).bind("from", from).bind("to", to)
                .bind("levels", String.join(",", levels.stream().distinct().sorted().map(Enum::name).toList()))
                .bind("rule", rule.toString()).bind("weight", weight).bind("dimension", dimension));
    }

    /**
     * A new version of requirement {@code id} from {@code change.effectiveFrom()}, taking from the latest version what
     * the change does not give (the rule's parameters are merged; its type cannot change); the latest version ends
     * the day before. Without {@code effectiveFrom}, {@code effectiveTo} retires the latest version. 409 when the new
     * version would not begin after the latest one.
     */
    @Transactional
    @RetriedOnConflict
    public Requirement change(String id, RequirementChange change) {
        Catalog catalog = current();
        Requirement r = catalog.find(id).orElseThrow(() -> notFound(id));
        List<Catalog.Version> versions = catalog.versions(id);
        Catalog.Version last = versions.get(versions.size() - 1);
        Requirement before = catalog.describe(id, LocalDate.now(clock)).orElseThrow();
        if (change.effectiveFrom() == null) {
            if (change.effectiveTo() == null) {
                throw ProblemException.badRequest("effectiveFrom", "is required for a new version (or give effectiveTo alone"
                        + " to retire version " + last.number() + ")");
            }
            List<Violation> extra = new ArrayList<>();
            if (change.levels() != null || change.rule() != null || change.weight() != null || change.dimension() != null) {
                extra.add(new Violation("effectiveFrom", "is required to change levels, rule, weight or dimension: they"
                        + " make a new version"));
            }
            if (last.from() != null && change.effectiveTo().isBefore(last.from())) {
                extra.add(new Violation("effectiveTo", "must be on or after " + last.from() + ", when version "
                        + last.number() + " began"));
            }
            if (!extra.isEmpty()) {
                throw ProblemException.badRequest(extra);
            }
            db.update(Sql.of("UPDATE requirement_version SET effective_to = :to WHERE requirement_id = :id AND version = :v")
                    .bind("to", change.effectiveTo()).bind("id", id).bind("v", last.number()));
        } else {
            if (last.from() != null && !change.effectiveFrom().isAfter(last.from())) {
                throw ProblemException.conflict("effectiveFrom " + change.effectiveFrom() + " is not after "
                        + last.from() + ", when version " + last.number() + " of " + id + " began");
            }
            RuleType type = ruleTypes.get(last.rule().path("type").asText());
            ObjectNode rule = last.rule().deepCopy();
            List<Violation> violations = new ArrayList<>();
            if (change.rule() != null) {
                String newType = change.rule().path("type").asText(type.name());
                if (!newType.equals(type.name())) {
                    violations.add(new Violation("rule.type", "must stay " + type.name() + ": a requirement keeps its rule"
                            + " type (add a new requirement for another)"));
                }
                rule.setAll(change.rule());
                violations.addAll(type.validate(rule));
            }
            if (change.levels() != null && change.levels().isEmpty()) {
                violations.add(new Violation("levels", "must name at least one level"));
            }
            if (change.effectiveTo() != null && change.effectiveTo().isBefore(change.effectiveFrom())) {
                violations.add(new Violation("effectiveTo", "must be on or after effectiveFrom " + change.effectiveFrom()));
            }
            if (!violations.isEmpty()) {
                throw ProblemException.badRequest(violations);
            }
            LocalDate dayBefore = change.effectiveFrom().minusDays(1);
            if (last.to() == null || last.to().isAfter(dayBefore)) {
                db.update(Sql.of("UPDATE requirement_version SET effective_to = :to WHERE requirement_id = :id AND version = :v")
                        .bind("to", dayBefore).bind("id", id).bind("v", last.number()));
            }
            insertVersion(id, last.number() + 1, change.effectiveFrom(), change.effectiveTo(),
                    change.levels() != null ? change.levels() : last.levels(), rule,
                    change.weight() != null ? change.weight() : last.weight(),
                    change.dimension() != null ? change.dimension() : last.dimension());
        }
        Requirement after = read(-1).describe(id, LocalDate.now(clock)).orElseThrow();
        audit.record(AuditTrail.Action.UPDATE, "requirement", id, r.issuerRegionCode(), before, after);
        return after;
    }

    /**
     * Sets {@code regionCode}'s parameters of requirement {@code id} for its subtree, for the periods due on or after
     * the body's {@code effectiveFrom} (none: every period). Refused (400) when a key is not adjustable, when the
     * region lies outside the issuer's subtree, or when a value is laxer than one in force above the region (the
     * issuer's version, or a nearer setting) on any day the setting would hold.
     */
    @Transactional
    @RetriedOnConflict
    public ParameterSetting setParameters(String id, String regionCode, ObjectNode body) {
        Catalog catalog = current();
        Requirement r = catalog.find(id).orElseThrow(() -> notFound(id));
        RuleType type = ruleTypes.get(r.rule().path("type").asText());
        if (!RegionCode.contains(r.issuerRegionCode(), regionCode)) {
            throw ProblemException.badRequest("regionCode", regionCode + " is outside the subtree of "
                    + r.issuerRegionCode() + ", which issued " + id);
        }
        requireRegion(regionCode);
        ObjectNode parameters = body.deepCopy();
        LocalDate from = Catalog.BEGINNING;
        JsonNode given = parameters.remove(EFFECTIVE_FROM);
        if (given != null && !given.isNull()) {
            try {
                from = LocalDate.parse(given.asText());
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest(EFFECTIVE_FROM, "must be a date (yyyy-MM-dd): " + given.asText());
            }
        }
        if (parameters.isEmpty()) {
            throw ProblemException.badRequest("body", "names no parameter; adjustable: " + type.adjustable().keySet());
        }
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
            laxerThanInForce(catalog, id, regionCode, from, e.getKey(), value.get(), strictness).ifPresent(violations::add);
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
        LocalDate effectiveFrom = from;
        ObjectNode before = catalog.settings(id).getOrDefault(regionCode, List.of()).stream()
                .filter(s -> s.from().equals(effectiveFrom)).map(Catalog.Setting::parameters).findFirst().orElse(null);
        db.update(Sql.of("INSERT INTO requirement_parameter (requirement_id, region_code, effective_from, parameters_json)"
                + " VALUES (:id, :region, :from, :parameters) ON DUPLICATE KEY UPDATE parameters_json = VALUES(parameters_json)")
                .bind("id", id).bind("region", regionCode).bind("from", from).bind("parameters", parameters.toString()));
        LocalDate shown = from.equals(Catalog.BEGINNING) ? null : from;
        ParameterSetting setting = new ParameterSetting(id, regionCode, parameters, shown);
        audit.record(before == null ? AuditTrail.Action.CREATE : AuditTrail.Action.UPDATE, "requirement-parameters",
                id + "@" + regionCode + (shown == null ? "" : "@" + shown), regionCode,
                before == null ? null : new ParameterSetting(id, regionCode, before, shown), setting);
        return setting;
    }

    /** The body key that limits a setting to the periods due from a day (API.md). */
    static final String EFFECTIVE_FROM = "effectiveFrom";

    /**
     * A violation when {@code value} is laxer than what is in force above {@code regionCode} on any day from
     * {@code from} on (until the region's own next setting): checked on {@code from} and on each later day where a
     * version or a setting above begins, so that a county cannot undercut a version that starts later.
     */
    private Optional<Violation> laxerThanInForce(Catalog catalog, String id, String regionCode, LocalDate from,
            String key, BigDecimal value, Strictness strictness) {
        LocalDate until = catalog.settings(id).getOrDefault(regionCode, List.of()).stream().map(Catalog.Setting::from)
                .filter(d -> d.isAfter(from)).min(LocalDate::compareTo).orElse(Catalog.LATEST);
        for (Catalog.Span span : catalog.spans(id)) {
            LocalDate day = span.from() == null || span.from().isBefore(from) ? from : span.from();
            if (!span.contains(day) || !day.isBefore(until) || span.requirement() == null) {
                continue;
            }
            BigDecimal inForce = catalog.effectiveSettings(span.requirement(), regionCode, false, day).get(key);
            if (inForce != null && strictness.laxer(value, inForce)) {
                return Optional.of(new Violation(key, "must be " + strictness.bound() + " " + inForce.toPlainString()
                        + ", the value " + catalog.setter(span.requirement(), key, regionCode, day) + " set"
                        + (day.equals(Catalog.BEGINNING) ? "" : " for the periods due from " + day)
                        + "; a jurisdiction may only be stricter"));
            }
        }
        return Optional.empty();
    }

    /** 404 unless {@code regionCode} is the country or a region of this service's {@code region} table. */
    void requireRegion(String regionCode) {
        if (!RegionCode.isCountry(regionCode) && db.count(Sql.of("SELECT COUNT(*) FROM region WHERE code = :code")
                .bind("code", regionCode)) == 0) {
            throw ProblemException.notFound("No region " + regionCode);
        }
    }

    /**
     * The requirements, their versions, every setting, the owners and the active waivers, in five statements (at
     * data version {@code version}; -1: inside a writing transaction, to answer it).
     */
    private Catalog read(long version) {
        Map<String, Map<String, List<Catalog.Setting>>> settings = new HashMap<>();
        db.list(Sql.of("SELECT requirement_id, region_code, effective_from, parameters_json FROM requirement_parameter"
                + " ORDER BY requirement_id, region_code, effective_from"), rs -> settings
                        .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                        .add(new Catalog.Setting(rs.getObject(3, LocalDate.class), object(rs.getString(4)))));
        List<Map.Entry<String, Catalog.Version>> versionRows = db.list(Sql.of("SELECT requirement_id, version,"
                + " effective_from, effective_to, levels, rule_json, weight, dimension FROM requirement_version"), rs -> Map.entry(
                        rs.getString(1), new Catalog.Version(rs.getInt(2), rs.getObject(3, LocalDate.class),
                                rs.getObject(4, LocalDate.class), levels(rs.getString(5)), object(rs.getString(6)),
                                plain(rs.getBigDecimal(7)), rs.getString(8) == null ? null : Dimension.valueOf(rs.getString(8)))));
        Map<String, Map<String, ItemOwner>> owners = new HashMap<>();
        db.list(Sql.of("SELECT requirement_id, region_code, unit, contact FROM requirement_owner"), rs -> owners
                .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                .put(rs.getString(2), new ItemOwner(rs.getString(3), rs.getString(4), rs.getString(2))));
        Map<String, ItemWaiver> waivers = new HashMap<>();
        Set<String> waived = new HashSet<>();
        db.list(Sql.of("SELECT id, requirement_id, reason, valid_to, approved_by FROM requirement_waiver"
                + " WHERE revoked_at IS NULL"), rs -> {
                    waived.add(rs.getString(2));
                    return waivers.put(rs.getString(1), new ItemWaiver(rs.getString(1), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getString(5)));
                });
        List<Requirement> requirements = db.list(Sql.of("SELECT id, title, title_zh, source, issuer_region_code, period,"
                + " due_date FROM requirement ORDER BY id"), rs -> new Requirement(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), List.of(),
                        RequirementPeriod.valueOf(rs.getString(6)), null, rs.getObject(7, LocalDate.class), owner));
        return new Catalog(version, requirements, Catalog.byRequirement(versionRows), settings, owners, waivers, waived,
                ruleTypes);
    }

    /** A weight as written: 1, 2.5 (the column keeps two decimals). */
    private static BigDecimal plain(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static List<RegionLevel> levels(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(t -> !t.isEmpty()).map(RegionLevel::valueOf)
                .sorted().toList();
    }

    private ObjectNode object(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored rule or parameter setting is not JSON: " + text, e);
        }
    }
}
