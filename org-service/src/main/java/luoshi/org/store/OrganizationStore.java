package luoshi.org.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import luoshi.api.common.Page;
import luoshi.api.org.Employment;
import luoshi.api.org.Leader;
import luoshi.api.org.LeaderRole;
import luoshi.api.org.NewLeader;
import luoshi.api.org.NewOrganization;
import luoshi.api.org.Organization;
import luoshi.api.org.OrganizationType;
import luoshi.api.region.RegionCode;
import luoshi.db.Database;
import luoshi.db.Sql;

/** The {@code organization} and {@code leader} tables. */
@ApplicationScoped
public class OrganizationStore {

    private static final String ORGANIZATION = "SELECT id, region_code, type, name, superior_id, version FROM organization";
    private static final String INSERT_ORGANIZATION = "INSERT INTO organization (region_code, type, name, superior_id) VALUES";
    private static final String LEADER = "SELECT id, organization_id, name, role, employment, frontline, party_committee_member, "
            + "tenure_from, tenure_to, version FROM leader";
    private static final String INSERT_LEADER = "INSERT INTO leader (organization_id, name, role, employment, frontline, "
            + "party_committee_member, tenure_from, tenure_to) VALUES";

    private final Database db;

    public OrganizationStore(Database db) {
        this.db = db;
    }

    public Optional<Organization> find(long id) {
        return db.one(Sql.of(ORGANIZATION + " WHERE id = :id").bind("id", id), OrganizationStore::organization);
    }

    /**
     * The organisation, read with a lock on its row until the transaction ends (a locking read: the newest committed
     * version), for a correction or a deletion: its read-modify-write is then atomic, and the audit's {@code before}
     * is the previous write's {@code after}.
     */
    public Optional<Organization> lock(long id) {
        return db.one(Sql.of(ORGANIZATION + " WHERE id = :id FOR UPDATE").bind("id", id), OrganizationStore::organization);
    }

    public boolean exists(String regionCode, OrganizationType type, String name) {
        return db.count(Sql.of("SELECT COUNT(*) FROM organization WHERE region_code = :code AND type = :type AND name = :name")
                .bind("code", regionCode).bind("type", type).bind("name", name)) > 0;
    }

    /** Stores a new organisation: as stored, read back (version 1). */
    public Organization insert(NewOrganization o) {
        return find(insertAll(List.of(o)).get(0)).orElseThrow();
    }

    /** The stored organisations among {@code ids}, by id. */
    public Map<Long, Organization> findAll(Collection<Long> ids) {
        Map<Long, Organization> found = new HashMap<>();
        KeyChunks.read(ids, chunk -> db.list(Sql.of(ORGANIZATION + " WHERE id IN (:ids)").bind("ids", chunk),
                OrganizationStore::organization)).forEach(o -> found.put(o.id(), o));
        return found;
    }

    /** The (region, type, name) of every organisation stored in the regions {@code regionCodes}. */
    public Set<List<Object>> keysIn(Collection<String> regionCodes) {
        Set<List<Object>> keys = new HashSet<>();
        KeyChunks.read(regionCodes, chunk -> db.list(Sql.of(ORGANIZATION + " WHERE region_code IN (:codes)")
                .bind("codes", chunk), OrganizationStore::organization))
                .forEach(o -> keys.add(key(o.regionCode(), o.type(), o.name())));
        return keys;
    }

    /** An organisation's identity besides its id: the unique key (region, type, name). */
    public static List<Object> key(String regionCode, OrganizationType type, String name) {
        return List.of(regionCode, type, name);
    }

    /** Inserts the organisations in multi-row statements; answers their ids in the order of {@code rows}. */
    public List<Long> insertAll(List<NewOrganization> rows) {
        return db.insertReturningIds(INSERT_ORGANIZATION, rows,
                o -> Arrays.asList(o.regionCode(), o.type(), o.name(), o.superiorId()));
    }

    /** A leader to insert for an organisation. */
    public record LeaderOf(long organizationId, NewLeader leader) {
    }

    /** Inserts the leaders in multi-row statements. */
    public void insertLeaders(List<LeaderOf> rows) {
        db.insertAll(INSERT_LEADER, "", rows, OrganizationStore::leaderValues);
    }

    /** Stores a new leader: as stored, read back (version 1). */
    public Leader insertLeader(long organizationId, NewLeader l) {
        long id = db.insertReturningIds(INSERT_LEADER, List.of(new LeaderOf(organizationId, l)), OrganizationStore::leaderValues)
                .get(0);
        return findLeader(organizationId, id).orElseThrow();
    }

    private static List<?> leaderValues(LeaderOf row) {
        NewLeader l = row.leader();
        return Arrays.asList(row.organizationId(), l.name(), l.role(), l.employment(), l.frontline(), l.partyCommitteeMember(),
                l.from(), l.to());
    }

    /** Filters: exact region, subtree ({@code within}), type; any may be null. */
    public Page<Organization> list(String regionCode, String within, OrganizationType type, int page, int size) {
        List<Sql> conditions = new ArrayList<>();
        if (regionCode != null) {
            conditions.add(Sql.of("region_code = :code").bind("code", regionCode));
        }
        if (within != null && !RegionCode.isCountry(within)) {
            conditions.add(Sql.of("region_code LIKE :subtree").bind("subtree", RegionCode.subtreePattern(within)));
        }
        if (type != null) {
            conditions.add(Sql.of("type = :type").bind("type", type));
        }
        Sql where = conditions.isEmpty() ? Sql.of("") : Sql.of(" WHERE :conditions")
                .bind("conditions", Sql.join(" AND ", conditions));
        long total = db.count(Sql.of("SELECT COUNT(*) FROM organization :where").bind("where", where));
        List<Organization> items = db.list(Sql.of(ORGANIZATION + " :where ORDER BY region_code, type, id LIMIT :size OFFSET :offset")
                .bind("where", where).bind("size", size).bind("offset", Page.offset(page, size)), OrganizationStore::organization);
        return new Page<>(items, page, size, total);
    }

    /** The organisations that name {@code id} as their superior. */
    public List<Organization> ledBy(long id) {
        return db.list(Sql.of(ORGANIZATION + " WHERE superior_id = :id ORDER BY id").bind("id", id),
                OrganizationStore::organization);
    }

    /**
     * Overwrites the stored organisation of {@code o.id()} with {@code o}, which must be at {@code o.version()} (read
     * with {@link #lock}), and advances its version ({@link Database#updateOne}).
     */
    public void update(Organization o) {
        db.updateOne(Sql.of("UPDATE organization SET region_code = :code, type = :type, name = :name, superior_id = :superior, "
                + "version = version + 1 WHERE id = :id AND version = :version").bind("code", o.regionCode())
                .bind("type", o.type()).bind("name", o.name()).bind("superior", o.superiorId()).bind("id", o.id())
                .bind("version", o.version()));
    }

    /** Deletes an organisation at {@code version} (read with {@link #lock}) with its leaders. */
    public void delete(long id, long version) {
        db.update(Sql.of("DELETE FROM leader WHERE organization_id = :id").bind("id", id));
        db.updateOne(Sql.of("DELETE FROM organization WHERE id = :id AND version = :version").bind("id", id)
                .bind("version", version));
    }

    /** Every leader of an organisation, by id, read with locks (as they are deleted with it: the newest versions). */
    public List<Leader> lockAllLeaders(long organizationId) {
        return db.list(Sql.of(LEADER + " WHERE organization_id = :organization ORDER BY id FOR UPDATE")
                .bind("organization", organizationId), OrganizationStore::leader);
    }

    /** The leader {@code leaderId} when it is one of the organisation {@code organizationId}. */
    public Optional<Leader> findLeader(long organizationId, long leaderId) {
        return db.one(Sql.of(LEADER + " WHERE id = :id AND organization_id = :organization").bind("id", leaderId)
                .bind("organization", organizationId), OrganizationStore::leader);
    }

    /** The leader, read with a lock on its row until the transaction ends, as {@link #lock} an organisation. */
    public Optional<Leader> lockLeader(long organizationId, long leaderId) {
        return db.one(Sql.of(LEADER + " WHERE id = :id AND organization_id = :organization FOR UPDATE").bind("id", leaderId)
                .bind("organization", organizationId), OrganizationStore::leader);
    }

    /**
     * Overwrites the stored leader of {@code l.id()} with {@code l} (its organisation stays), which must be at
     * {@code l.version()} (read with {@link #lockLeader}), and advances its version.
     */
    public void updateLeader(Leader l) {
        db.updateOne(Sql.of("UPDATE leader SET name = :name, role = :role, employment = :employment, frontline = :frontline, "
                + "party_committee_member = :partyCommitteeMember, tenure_from = :from, tenure_to = :to, "
                + "version = version + 1 WHERE id = :id AND version = :version")
                .bind("name", l.name()).bind("role", l.role()).bind("employment", l.employment())
                .bind("frontline", l.frontline()).bind("partyCommitteeMember", l.partyCommitteeMember())
                .bind("from", l.from()).bind("to", l.to()).bind("id", l.id()).bind("version", l.version()));
    }

    /** Deletes the leader at {@code version} (read with {@link #lockLeader}). */
    public void deleteLeader(long leaderId, long version) {
        db.updateOne(Sql.of("DELETE FROM leader WHERE id = :id AND version = :version").bind("id", leaderId)
                .bind("version", version));
    }

    /** Leaders of an organisation; {@code asOf}: only those in office that day; {@code role}: only that role. */
    public Page<Leader> leaders(long organizationId, LocalDate asOf, LeaderRole role, int page, int size) {
        List<Sql> conditions = new ArrayList<>();
        conditions.add(Sql.of("organization_id = :organization").bind("organization", organizationId));
        if (asOf != null) {
            conditions.add(Sql.of("tenure_from <= :on AND (tenure_to IS NULL OR tenure_to >= :on)").bind("on", asOf));
        }
        if (role != null) {
            conditions.add(Sql.of("role = :role").bind("role", role));
        }
        Sql where = Sql.join(" AND ", conditions);
        long total = db.count(Sql.of("SELECT COUNT(*) FROM leader WHERE :where").bind("where", where));
        List<Leader> items = db.list(Sql.of(LEADER + " WHERE :where ORDER BY FIELD(role, 'HEAD', 'DEPUTY', 'MEMBER'), "
                + "tenure_from, id LIMIT :size OFFSET :offset").bind("where", where).bind("size", size)
                .bind("offset", Page.offset(page, size)), OrganizationStore::leader);
        return new Page<>(items, page, size, total);
    }

    private static Organization organization(ResultSet rs) throws SQLException {
        return new Organization(rs.getLong("id"), rs.getString("region_code"), OrganizationType.valueOf(rs.getString("type")),
                rs.getString("name"), rs.getObject("superior_id", Long.class), rs.getLong("version"));
    }

    private static Leader leader(ResultSet rs) throws SQLException {
        return new Leader(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("name"),
                LeaderRole.valueOf(rs.getString("role")), Employment.valueOf(rs.getString("employment")),
                rs.getBoolean("frontline"), rs.getObject("tenure_from", LocalDate.class),
                rs.getObject("tenure_to", LocalDate.class), rs.getBoolean("party_committee_member"), rs.getLong("version"));
    }
}
