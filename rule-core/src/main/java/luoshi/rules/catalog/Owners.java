package luoshi.rules.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import luoshi.api.region.RegionCode;
import luoshi.api.requirement.Owner;
import luoshi.api.requirement.OwnerList;
import luoshi.api.requirement.OwnerWrite;
import luoshi.audit.AuditTrail;
import luoshi.db.Database;
import luoshi.db.RetriedOnConflict;
import luoshi.db.Sql;
import luoshi.db.Timestamps;
import luoshi.platform.ProblemException;
import luoshi.security.Access;

/**
 * Owners (责任单位) of the requirements this service owns (API.md, "Catalog versions, waivers, owners"): the unit
 * responsible for a requirement in a region's subtree, unless a region below sets its own. Items, open items (so
 * reminders and their webhook payloads) carry the owner in force ({@link Catalog#owner}). Setting one is audited.
 */
@ApplicationScoped
public class Owners {

    private final Database db;
    private final RequirementCatalog catalog;
    private final Regions regions;
    private final Access access;
    private final AuditTrail audit;
    private final Clock clock;

    Owners(Database db, RequirementCatalog catalog, Regions regions, Access access, AuditTrail audit, Clock clock) {
        this.db = db;
        this.catalog = catalog;
        this.regions = regions;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sets the owner of requirement {@code id} on {@code regionCode} (an admin of the region). */
    @Transactional
    @RetriedOnConflict
    public Owner set(String id, String regionCode, OwnerWrite write) {
        access.administer(regionCode);
        catalog.get(id);
        regions.require(regionCode);
        Optional<Owner> before = find(id, regionCode);
        Owner owner = new Owner(id, regionCode, write.unit().trim(),
                write.contact() == null || write.contact().isBlank() ? null : write.contact().trim(), access.subject(),
                Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        db.update(Sql.of("INSERT INTO requirement_owner (requirement_id, region_code, unit, contact, set_by, updated_at)"
                + " VALUES (:id, :region, :unit, :contact, :by, :at) ON DUPLICATE KEY UPDATE unit = VALUES(unit),"
                + " contact = VALUES(contact), set_by = VALUES(set_by), updated_at = VALUES(updated_at)")
                .bind("id", id).bind("region", regionCode).bind("unit", owner.unit()).bind("contact", owner.contact())
                .bind("by", owner.setBy()).bind("at", Timestamps.utc(owner.updatedAt())));
        audit.record(before.isEmpty() ? AuditTrail.Action.CREATE : AuditTrail.Action.UPDATE, "requirement-owner",
                id + "@" + regionCode, regionCode, before.orElse(null), owner);
        return owner;
    }

    /** The owner in force for {@code regionCode} and every owner set in its subtree (a reader of the region). */
    public OwnerList list(String id, String regionCode) {
        String scope = access.readScope(regionCode);
        catalog.get(id);
        regions.require(scope);
        List<Owner> set = db.list(Sql.of("SELECT requirement_id, region_code, unit, contact, set_by, updated_at"
                + " FROM requirement_owner WHERE requirement_id = :id AND region_code LIKE :scope ORDER BY region_code")
                .bind("id", id).bind("scope", RegionCode.subtreePattern(scope)),
                Owners::owner);
        return new OwnerList(id, scope, catalog.current().owner(id, scope), set);
    }

    private Optional<Owner> find(String id, String regionCode) {
        return db.one(Sql.of("SELECT requirement_id, region_code, unit, contact, set_by, updated_at FROM requirement_owner"
                + " WHERE requirement_id = :id AND region_code = :region").bind("id", id).bind("region", regionCode),
                Owners::owner);
    }

    private static Owner owner(ResultSet rs) throws SQLException {
        return new Owner(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Timestamps.instant(rs, 6));
    }
}
