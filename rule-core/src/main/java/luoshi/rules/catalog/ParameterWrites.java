package luoshi.rules.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import luoshi.api.common.Violation;
import luoshi.api.compliance.Requirement;
import luoshi.api.region.RegionCode;
import luoshi.api.requirement.ParameterSetting;
import luoshi.audit.AuditTrail;
import luoshi.audit.DataVersion;
import luoshi.db.Database;
import luoshi.db.RetriedOnConflict;
import luoshi.db.Sql;
import luoshi.platform.Preconditions;
import luoshi.platform.ProblemException;
import luoshi.rules.spi.Adjustable;

/**
 * A jurisdiction's settings of a requirement (API.md, {@code PUT /api/v1/requirements/{id}/parameters/{regionCode}}):
 * stricter values of the type's adjustable parameters for the region's subtree, from a day on. The violations name
 * the body's keys ({@code minAmount}, {@code effectiveFrom}), as the body has them. A setting is one row per
 * requirement, region and day; its version is its ETag, which a write may name in {@code If-Match} (412 when another
 * write came first). Written with the row locked, answered and audited as read back.
 */
@ApplicationScoped
public class ParameterWrites {

    /** The body key that limits a setting to the periods due from a day (API.md). */
    static final String EFFECTIVE_FROM = "effectiveFrom";

    private final Database db;
    private final RequirementCatalog catalog;
    private final RuleTypes types;
    private final Regions regions;
    private final Preconditions preconditions;
    private final AuditTrail audit;
    private final CatalogReader reader;

    ParameterWrites(Database db, RequirementCatalog catalog, RuleTypes types, Regions regions, Preconditions preconditions,
            AuditTrail audit, CatalogReader reader) {
        this.db = db;
        this.catalog = catalog;
        this.types = types;
        this.regions = regions;
        this.preconditions = preconditions;
        this.audit = audit;
        this.reader = reader;
    }

    /**
     * Sets {@code regionCode}'s parameters of requirement {@code id} for its subtree, for the periods due on or after
     * the body's {@code effectiveFrom} (none: every period). Refused (400) when a key is not adjustable or a value
     * outside its bounds, when the region lies outside the issuer's subtree, or when a value is laxer than one in
     * force above the region (the issuer's version, or a nearer setting) on any day the setting would hold.
     */
    @Transactional
    @RetriedOnConflict
    public ParameterSetting set(String id, String regionCode, ObjectNode body) {
        Catalog current = catalog.current();
        Requirement r = current.find(id).orElseThrow(() -> RequirementCatalog.notFound(id));
        Map<String, Adjustable> adjustable = types.adjustable(r.rule());
        if (!RegionCode.contains(r.issuerRegionCode(), regionCode)) {
            throw ProblemException.badRequest("regionCode", regionCode + " is outside the subtree of "
                    + r.issuerRegionCode() + ", which issued " + id);
        }
        regions.require(regionCode);
        ObjectNode parameters = body.deepCopy();
        LocalDate from = effectiveFrom(parameters.remove(EFFECTIVE_FROM));
        if (parameters.isEmpty()) {
            throw ProblemException.badRequest("body", "names no parameter; adjustable: " + adjustable.keySet());
        }
        List<Violation> violations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Adjustable a = adjustable.get(e.getKey());
            if (a == null) {
                violations.add(new Violation(e.getKey(), "cannot be set by a jurisdiction; adjustable: " + adjustable.keySet()));
                continue;
            }
            Optional<BigDecimal> value = a.bounds().read(e.getValue());
            if (value.isEmpty()) {
                violations.add(new Violation(e.getKey(), "must be " + a.bounds().says()));
                continue;
            }
            laxerThanInForce(current, id, regionCode, from, e.getKey(), value.get(), a).ifPresent(violations::add);
        }
        if (violations.isEmpty()) {
            ObjectNode merged = r.rule().deepCopy();
            merged.setAll(parameters);
            violations.addAll(types.violations(merged).stream()
                    .map(v -> new Violation(v.field().replaceFirst("^rule\\.", ""), v.message())).toList());
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations);
        }
        LocalDate shown = from.equals(Catalog.BEGINNING) ? null : from;
        Optional<ParameterSetting> before = find(id, regionCode, from, " FOR UPDATE");
        preconditions.check("setting of " + id + " for " + regionCode + (shown == null ? "" : " from " + shown),
                before.orElse(null));
        if (before.isPresent() && before.get().parameters().equals(parameters)) {
            return before.get();                     // the same values again: nothing to write
        }
        if (before.isEmpty()) {
            Rows.insertFirst(db, Sql.of("INSERT INTO requirement_parameter (requirement_id, region_code, effective_from,"
                    + " parameters_json) VALUES (:id, :region, :from, :parameters)").bind("id", id).bind("region", regionCode)
                    .bind("from", from).bind("parameters", parameters.toString()));
        } else {
            db.updateOne(Sql.of("UPDATE requirement_parameter SET parameters_json = :parameters, version = version + 1"
                    + " WHERE requirement_id = :id AND region_code = :region AND effective_from = :from AND version = :version")
                    .bind("parameters", parameters.toString()).bind("id", id).bind("region", regionCode).bind("from", from)
                    .bind("version", before.get().version()));
        }
        ParameterSetting after = find(id, regionCode, from, "").orElseThrow();
        audit.record(DataVersion.Reach.SUBTREE, before.isEmpty() ? AuditTrail.Action.CREATE : AuditTrail.Action.UPDATE, "requirement-parameters",
                id + "@" + regionCode + (shown == null ? "" : "@" + shown), regionCode, before.orElse(null), after);
        return after;
    }

    /** The setting of the region from {@code from}, as stored ({@code lock}: " FOR UPDATE", to write it). */
    private Optional<ParameterSetting> find(String id, String regionCode, LocalDate from, String lock) {
        return db.one(Sql.of("SELECT parameters_json, version FROM requirement_parameter WHERE requirement_id = :id"
                + " AND region_code = :region AND effective_from = :from" + lock).bind("id", id).bind("region", regionCode)
                .bind("from", from), rs -> new ParameterSetting(id, regionCode, reader.object(rs.getString(1)),
                        from.equals(Catalog.BEGINNING) ? null : from, rs.getLong(2)));
    }

    /** The body's {@code effectiveFrom}: the first day the setting holds; none: every period ({@link Catalog#BEGINNING}). */
    private static LocalDate effectiveFrom(JsonNode given) {
        if (given == null || given.isNull()) {
            return Catalog.BEGINNING;
        }
        try {
            return LocalDate.parse(given.asText());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(EFFECTIVE_FROM, "must be a date (yyyy-MM-dd): " + given.asText());
        }
    }

    /**
     * A violation when {@code value} is laxer than what is in force above {@code regionCode} on any day from
     * {@code from} on (until the region's own next setting): checked on {@code from} and on each later day where a
     * version or a setting above begins, so that a county cannot undercut a version that starts later.
     */
    private static Optional<Violation> laxerThanInForce(Catalog catalog, String id, String regionCode, LocalDate from,
            String key, BigDecimal value, Adjustable adjustable) {
        LocalDate until = catalog.parameters().of(id).getOrDefault(regionCode, List.of()).stream()
                .map(Parameters.Setting::from).filter(d -> d.isAfter(from)).min(LocalDate::compareTo).orElse(Catalog.LATEST);
        for (Catalog.Span span : catalog.spans(id)) {
            LocalDate day = span.from() == null || span.from().isBefore(from) ? from : span.from();
            if (!span.contains(day) || !day.isBefore(until) || span.requirement() == null) {
                continue;
            }
            BigDecimal inForce = catalog.parameters().effectiveValues(span.requirement(), regionCode, false, day).get(key);
            if (inForce != null && adjustable.strictness().laxer(value, inForce)) {
                return Optional.of(new Violation(key, "must be " + adjustable.strictness().bound() + " "
                        + inForce.toPlainString() + ", the value "
                        + catalog.parameters().setter(span.requirement(), key, regionCode, day) + " set"
                        + (day.equals(Catalog.BEGINNING) ? "" : " for the periods due from " + day)
                        + "; a jurisdiction may only be stricter"));
            }
        }
        return Optional.empty();
    }
}
