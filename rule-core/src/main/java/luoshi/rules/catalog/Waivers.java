package luoshi.rules.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import luoshi.api.region.RegionCode;
import luoshi.api.waiver.NewWaiver;
import luoshi.api.waiver.Waiver;
import luoshi.audit.AuditTrail;
import luoshi.audit.DataVersion;
import luoshi.db.Database;
import luoshi.db.RetriedOnConflict;
import luoshi.db.Sql;
import luoshi.db.Timestamps;
import luoshi.platform.Preconditions;
import luoshi.platform.ProblemException;
import luoshi.security.Access;

/**
 * Waivers (豁免) of the requirements this service owns (API.md, "Catalog versions, waivers, owners"): an approved,
 * expiring exception of one requirement for one region. While a waiver is in force on an item's evaluation date (its
 * due date, or asOf while the period runs) the item is NOT_APPLICABLE with it ({@code Verdicts}); a revoked waiver
 * stays on record, its version advanced (a waiver's version is its ETag; revoking may name it in If-Match). Granting and
 * revoking are audited, and advance the data version (through the audit trail), so no kept answer outlives them.
 */
@ApplicationScoped
public class Waivers {

    private static final String COLUMNS = "id, requirement_id, region_code, valid_from, valid_to, reason, document_ref,"
            + " approved_by, approved_by_region, created_at, revoked_at, revoked_by, version";

    private final Database db;
    private final RequirementCatalog catalog;
    private final Regions regions;
    private final Access access;
    private final Preconditions preconditions;
    private final AuditTrail audit;
    private final Clock clock;

    Waivers(Database db, RequirementCatalog catalog, Regions regions, Access access, Preconditions preconditions,
            AuditTrail audit, Clock clock) {
        this.db = db;
        this.catalog = catalog;
        this.regions = regions;
        this.access = access;
        this.preconditions = preconditions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Grants a waiver: an admin of a region strictly above {@code regionCode} (403 before anything else is read),
     * a requirement of this service and a known region (404), {@code to} not before {@code from} (400), no active
     * waiver of the same requirement and region overlapping it (409).
     */
    @Transactional
    @RetriedOnConflict
    public Waiver grant(NewWaiver w) {
        access.administerAbove(w.regionCode());
        if (w.to().isBefore(w.from())) {
            throw ProblemException.badRequest("to", "must be on or after from (" + w.from() + ")");
        }
        catalog.get(w.requirementId());
        regions.require(w.regionCode());
        List<String> overlapping = db.list(Sql.of("SELECT id FROM requirement_waiver WHERE requirement_id = :id"
                + " AND region_code = :region AND revoked_at IS NULL AND valid_from <= :to AND valid_to >= :from")
                .bind("id", w.requirementId()).bind("region", w.regionCode()).bind("from", w.from()).bind("to", w.to()),
                rs -> rs.getString(1));
        if (!overlapping.isEmpty()) {
            throw ProblemException.conflict("Waiver " + overlapping.get(0) + " of " + w.requirementId() + " for "
                    + w.regionCode() + " is active on some of these days already; revoke it first");
        }
        Waiver created = new Waiver(UUID.randomUUID().toString(), w.requirementId(), w.regionCode(), w.from(), w.to(),
                w.reason().trim(), w.documentRef(), access.subject(), access.ownRegion(), now(), null, null);
        db.update(Sql.of("INSERT INTO requirement_waiver (" + COLUMNS + ") VALUES (:id, :requirement, :region, :from, :to,"
                + " :reason, :ref, :by, :byRegion, :created, NULL, NULL, :version)").bind("version", created.version())
                .bind("id", created.id()).bind("requirement", created.requirementId()).bind("region", created.regionCode())
                .bind("from", created.from()).bind("to", created.to()).bind("reason", created.reason())
                .bind("ref", created.documentRef()).bind("by", created.approvedBy())
                .bind("byRegion", created.approvedByRegion()).bind("created", Timestamps.utc(created.createdAt())));
        audit.record(DataVersion.Reach.SUBTREE, AuditTrail.Action.CREATE, "waiver", created.id(), created.regionCode(), null, created);
        return created;
    }

    /**
     * The waivers of {@code regionCode}'s subtree (a readable region; none: the caller's own), of one requirement when
     * given; with {@code activeOn}, only those in force that day and not revoked.
     */
    public List<Waiver> list(String regionCode, String requirementId, LocalDate activeOn) {
        String scope = access.readScope(regionCode);
        List<Sql> where = new ArrayList<>();
        where.add(Sql.of("region_code LIKE :scope").bind("scope", RegionCode.subtreePattern(scope)));
        if (requirementId != null && !requirementId.isBlank()) {
            where.add(Sql.of("requirement_id = :id").bind("id", requirementId));
        }
        if (activeOn != null) {
            where.add(Sql.of("revoked_at IS NULL AND :day BETWEEN valid_from AND valid_to").bind("day", activeOn));
        }
        return db.list(Sql.of("SELECT " + COLUMNS + " FROM requirement_waiver WHERE :where"
                + " ORDER BY region_code, requirement_id, valid_from, id").bind("where", Sql.join(" AND ", where)),
                Waivers::waiver);
    }

    /**
     * Revokes an active waiver (an admin strictly above its region): 404 when unknown here or revoked already; read with
     * its lock, its {@code If-Match} checked (412), written with a version check, read back and audited as read.
     */
    @Transactional
    @RetriedOnConflict
    public void revoke(String id) {
        Waiver before = db.one(Sql.of("SELECT " + COLUMNS + " FROM requirement_waiver WHERE id = :id AND revoked_at IS NULL"
                + " FOR UPDATE").bind("id", id), Waivers::waiver).orElseThrow(() -> ProblemException.notFound("No active waiver " + id));
        access.administerAbove(before.regionCode());
        preconditions.check("waiver " + id, before);
        db.updateOne(Sql.of("UPDATE requirement_waiver SET revoked_at = :now, revoked_by = :by, version = version + 1"
                + " WHERE id = :id AND version = :version").bind("now", Timestamps.utc(now())).bind("by", access.subject())
                .bind("id", id).bind("version", before.version()));
        Waiver after = db.one(Sql.of("SELECT " + COLUMNS + " FROM requirement_waiver WHERE id = :id").bind("id", id),
                Waivers::waiver).orElseThrow();
        audit.record(DataVersion.Reach.SUBTREE, AuditTrail.Action.DELETE, "waiver", id, before.regionCode(), before, after);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static Waiver waiver(ResultSet rs) throws SQLException {
        return new Waiver(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                Timestamps.instant(rs, 10), Timestamps.instant(rs, 11), rs.getString(12), rs.getLong(13));
    }
}
