package luoshi.rules.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import luoshi.api.region.RegionCode;
import luoshi.api.requirement.Owner;
import luoshi.api.requirement.OwnerList;
import luoshi.api.requirement.OwnerWrite;
import luoshi.audit.AuditTrail;
import luoshi.audit.DataVersion;
import luoshi.db.Database;
import luoshi.db.RetriedOnConflict;
import luoshi.db.Sql;
import luoshi.db.Timestamps;
import luoshi.platform.Preconditions;
import luoshi.security.Access;

/**
 * Owners (责任单位) of the requirements this service owns (API.md, "Catalog versions, waivers, owners"): the unit
 * responsible for a requirement in a region's subtree, unless a region below sets its own. Items, open items (so
 * reminders and their webhook payloads) carry the owner in force ({@link Catalog#owner}). Setting one is audited; each
 * owner row has a version (its ETag) that every write of it advances.
 */
@ApplicationScoped
public class Owners {

    private static final String COLUMNS = "requirement_id, region_code, unit, contact, set_by, updated_at, version";

    private final Database db;
    private final RequirementCatalog catalog;
    private final Regions regions;
    private final Access access;
    private final Preconditions preconditions;
    private final AuditTrail audit;
    private final Clock clock;

    Owners(Database db, RequirementCatalog catalog, Regions regions, Access access, Preconditions preconditions,
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
     * Sets the owner of requirement {@code id} on {@code regionCode} (an admin of the region): the row is read with its
     * lock, its {@code If-Match} checked (412), written with a version check, read back and audited as read. The same
     * unit and contact again change nothing (no write, no event, the same version).
     */
    @Transactional
    @RetriedOnConflict
    public Owner set(String id, String regionCode, OwnerWrite write) {
        access.administer(regionCode);
        catalog.get(id);
        regions.require(regionCode);
        Optional<Owner> before = find(id, regionCode, " FOR UPDATE");
        preconditions.check("owner of " + id + " for " + regionCode, before.orElse(null));
        String unit = write.unit().trim();
        String contact = write.contact() == null || write.contact().isBlank() ? null : write.contact().trim();
        if (before.isPresent() && before.get().unit().equals(unit) && Objects.equals(before.get().contact(), contact)) {
            return before.get();
        }
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        if (before.isEmpty()) {
            Rows.insertFirst(db, Sql.of("INSERT INTO requirement_owner (requirement_id, region_code, unit, contact, set_by,"
                    + " updated_at) VALUES (:id, :region, :unit, :contact, :by, :at)").bind("id", id).bind("region", regionCode)
                    .bind("unit", unit).bind("contact", contact).bind("by", access.subject()).bind("at", Timestamps.utc(at)));
        } else {
            db.updateOne(Sql.of("UPDATE requirement_owner SET unit = :unit, contact = :contact, set_by = :by, updated_at = :at,"
                    + " version = version + 1 WHERE requirement_id = :id AND region_code = :region AND version = :version")
                    .bind("unit", unit).bind("contact", contact).bind("by", access.subject()).bind("at", Timestamps.utc(at))
                    .bind("id", id).bind("region", regionCode).bind("version", before.get().version()));
        }
        Owner after = find(id, regionCode, "").orElseThrow();
        audit.record(DataVersion.Reach.SUBTREE, before.isEmpty() ? AuditTrail.Action.CREATE : AuditTrail.Action.UPDATE, "requirement-owner",
                id + "@" + regionCode, regionCode, before.orElse(null), after);
        return after;
    }

    /** The owner in force for {@code regionCode} and every owner set in its subtree (a reader of the region). */
    public OwnerList list(String id, String regionCode) {
        String scope = access.readScope(regionCode);
        catalog.get(id);
        regions.require(scope);
        List<Owner> set = db.list(Sql.of("SELECT " + COLUMNS + " FROM requirement_owner WHERE requirement_id = :id"
                + " AND region_code LIKE :scope ORDER BY region_code")
                .bind("id", id).bind("scope", RegionCode.subtreePattern(scope)),
                Owners::owner);
        return new OwnerList(id, scope, catalog.current().owner(id, scope), set);
    }

    /** The owner set on the region ({@code lock}: " FOR UPDATE", to write it). */
    private Optional<Owner> find(String id, String regionCode, String lock) {
        return db.one(Sql.of("SELECT " + COLUMNS + " FROM requirement_owner WHERE requirement_id = :id"
                + " AND region_code = :region" + lock).bind("id", id).bind("region", regionCode), Owners::owner);
    }

    private static Owner owner(ResultSet rs) throws SQLException {
        return new Owner(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Timestamps.instant(rs, 6), rs.getLong(7));
    }
}
