package luoshi.rules.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import luoshi.api.common.Violation;
import luoshi.api.compliance.Dimension;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementPeriod;
import luoshi.api.region.RegionLevel;
import luoshi.api.requirement.NewRequirement;
import luoshi.api.requirement.RequirementChange;
import luoshi.audit.AuditTrail;
import luoshi.audit.DataVersion;
import luoshi.db.Database;
import luoshi.db.DatabaseException;
import luoshi.db.RetriedOnConflict;
import luoshi.db.Sql;
import luoshi.platform.Preconditions;
import luoshi.platform.ProblemException;

/**
 * The writes of requirements (API.md, "Requirements catalog", "Catalog versions, waivers, owners"): a new requirement
 * of a type this service evaluates becomes version 1; a change adds version n+1 from a day, or retires the latest.
 * Every rule object is read by its type before anything is stored. Each write advances the requirement's
 * {@code revision}, its ETag. Audited with before and after.
 */
@ApplicationScoped
public class RequirementWrites {

    private final Database db;
    private final CatalogReader reader;
    private final RuleTypes types;
    private final Preconditions preconditions;
    private final AuditTrail audit;
    private final Clock clock;

    RequirementWrites(Database db, CatalogReader reader, RuleTypes types, Preconditions preconditions, AuditTrail audit,
            Clock clock) {
        this.db = db;
        this.reader = reader;
        this.types = types;
        this.preconditions = preconditions;
        this.audit = audit;
        this.clock = clock;
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
        violations.addAll(types.violations(r.rule()));
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations);
        }
        try {
            db.update(Sql.of("INSERT INTO requirement (id, title, title_zh, source, issuer_region_code, period, rule_type,"
                    + " due_date) VALUES (:id, :title, :titleZh, :source, :issuer, :period, :type, :due)")
                    .bind("id", r.id()).bind("title", r.title()).bind("titleZh", r.titleZh()).bind("source", r.source())
                    .bind("issuer", r.issuerRegionCode()).bind("period", r.period()).bind("type", RuleTypes.typeName(r.rule()))
                    .bind("due", r.dueDate()));
            insertVersion(r.id(), 1, null, null, r.levels(), r.rule(), r.weight() == null ? BigDecimal.ONE : r.weight(),
                    r.dimension());
        } catch (DatabaseException e) {
            if (e.duplicateKey()) {
                throw ProblemException.conflict("A requirement " + r.id() + " exists already");
            }
            throw e;
        }
        Requirement created = written(r.id());
        audit.record(DataVersion.Reach.COUNTRY, AuditTrail.Action.CREATE, "requirement", r.id(), r.issuerRegionCode(), null, created);
        return created;
    }

    /**
     * A new version of requirement {@code id} from {@code change.effectiveFrom()}, taking from the latest version what
     * the change does not give (the rule's parameters are merged; its type cannot change); the latest version ends
     * the day before. Without {@code effectiveFrom}, {@code effectiveTo} retires the latest version. 409 when the new
     * version would not begin after the latest one. The requirement is read with its row locked, its revision checked
     * against {@code If-Match} (412), advanced, and the requirement read back: the answer and the audit's {@code after}
     * are what is stored, its {@code before} the previous change's {@code after}.
     */
    @Transactional
    @RetriedOnConflict
    public Requirement change(String id, RequirementChange change) {
        long revision = db.one(Sql.of("SELECT revision FROM requirement WHERE id = :id FOR UPDATE").bind("id", id),
                rs -> rs.getLong(1)).orElseThrow(() -> RequirementCatalog.notFound(id));
        preconditions.check("requirement " + id, () -> revision);
        Catalog current = reader.read(-1);        // after the lock: the newest committed rows
        Requirement r = current.find(id).orElseThrow(() -> RequirementCatalog.notFound(id));
        List<Catalog.Version> versions = current.versions(id);
        Catalog.Version last = versions.get(versions.size() - 1);
        Requirement before = current.describe(id, LocalDate.now(clock)).orElseThrow();
        if (change.effectiveFrom() == null) {
            retire(id, change, last);
        } else {
            if (last.from() != null && !change.effectiveFrom().isAfter(last.from())) {
                throw ProblemException.conflict("effectiveFrom " + change.effectiveFrom() + " is not after "
                        + last.from() + ", when version " + last.number() + " of " + id + " began");
            }
            String type = RuleTypes.typeName(last.rule());
            ObjectNode rule = last.rule().deepCopy();
            List<Violation> violations = new ArrayList<>();
            if (change.rule() != null) {
                if (!change.rule().path("type").asText(type).equals(type)) {
                    violations.add(new Violation("rule.type", "must stay " + type + ": a requirement keeps its rule"
                            + " type (add a new requirement for another)"));
                }
                rule.setAll(change.rule());
                rule.put("type", type);
                violations.addAll(types.violations(rule));
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
                endVersion(id, last.number(), dayBefore);
            }
            insertVersion(id, last.number() + 1, change.effectiveFrom(), change.effectiveTo(),
                    change.levels() != null ? change.levels() : last.levels(), rule,
                    change.weight() != null ? change.weight() : last.weight(),
                    change.dimension() != null ? change.dimension() : last.dimension());
        }
        db.updateOne(Sql.of("UPDATE requirement SET revision = revision + 1 WHERE id = :id AND revision = :revision")
                .bind("id", id).bind("revision", revision));
        Requirement after = written(id);
        audit.record(DataVersion.Reach.COUNTRY, AuditTrail.Action.UPDATE, "requirement", id, r.issuerRegionCode(), before, after);
        return after;
    }

    /** {@code effectiveTo} alone: the latest version ends that day. */
    private void retire(String id, RequirementChange change, Catalog.Version last) {
        if (change.effectiveTo() == null) {
            throw ProblemException.badRequest("effectiveFrom", "is required for a new version (or give effectiveTo alone"
                    + " to retire version " + last.number() + ")");
        }
        List<Violation> violations = new ArrayList<>();
        if (change.levels() != null || change.rule() != null || change.weight() != null || change.dimension() != null) {
            violations.add(new Violation("effectiveFrom", "is required to change levels, rule, weight or dimension: they"
                    + " make a new version"));
        }
        if (last.from() != null && change.effectiveTo().isBefore(last.from())) {
            violations.add(new Violation("effectiveTo", "must be on or after " + last.from() + ", when version "
                    + last.number() + " began"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations);
        }
        endVersion(id, last.number(), change.effectiveTo());
    }

    private void endVersion(String id, int number, LocalDate to) {
        db.update(Sql.of("UPDATE requirement_version SET effective_to = :to WHERE requirement_id = :id AND version = :v")
                .bind("to", to).bind("id", id).bind("v", number));
    }

    private void insertVersion(String id, int number, LocalDate from, LocalDate to, List<RegionLevel> levels,
            ObjectNode rule, BigDecimal weight, Dimension dimension) {
        db.update(Sql.of("INSERT INTO requirement_version (requirement_id, version, effective_from, effective_to, levels,"
                + " rule_json, weight, dimension) VALUES (:id, :version, :from, :to, :levels, :rule, :weight, :dimension)")
                .bind("id", id).bind("version", number).bind("from", from).bind("to", to)
                .bind("levels", String.join(",", levels.stream().distinct().sorted().map(Enum::name).toList()))
                .bind("rule", rule.toString()).bind("weight", weight).bind("dimension", dimension));
    }

    /** The requirement as written, read in this transaction: the rows are not committed, so no Catalog holds them yet. */
    private Requirement written(String id) {
        return reader.read(-1).describe(id, LocalDate.now(clock)).orElseThrow();
    }
}
