package luoshi.org.organization;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
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
import luoshi.org.db.Jdbc;

/** The {@code organization} and {@code leader} tables. */
@ApplicationScoped
public class OrganizationStore {

    private static final String ORGANIZATION = "SELECT id, region_code, type, name, superior_id FROM organization";
    private static final String LEADER = "SELECT id, organization_id, name, role, employment, frontline, tenure_from, tenure_to "
            + "FROM leader";

    private final Jdbc jdbc;

    public OrganizationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Organization> find(long id) {
        return jdbc.queryOne(ORGANIZATION + " WHERE id = ?", OrganizationStore::organization, id);
    }

    public boolean exists(String regionCode, OrganizationType type, String name) {
        return jdbc.count("SELECT COUNT(*) FROM organization WHERE region_code = ? AND type = ? AND name = ?",
                regionCode, type.name(), name) > 0;
    }

    public Organization insert(NewOrganization o) {
        long id = insert("INSERT INTO organization (region_code, type, name, superior_id) VALUES (?, ?, ?, ?)",
                o.regionCode(), o.type().name(), o.name(), o.superiorId());
        return new Organization(id, o.regionCode(), o.type(), o.name(), o.superiorId());
    }

    /** The stored organisations among {@code ids}, by id. */
    public Map<Long, Organization> findAll(Collection<Long> ids) {
        Map<Long, Organization> found = new HashMap<>();
        jdbc.queryIn(ORGANIZATION + " WHERE id IN", ids.stream().map(String::valueOf).toList(), OrganizationStore::organization)
                .forEach(o -> found.put(o.id(), o));
        return found;
    }

    /** The (region, type, name) of every organisation stored in the regions {@code regionCodes}. */
    public Set<List<Object>> keysIn(Collection<String> regionCodes) {
        Set<List<Object>> keys = new HashSet<>();
        jdbc.queryIn(ORGANIZATION + " WHERE region_code IN", regionCodes, OrganizationStore::organization)
                .forEach(o -> keys.add(key(o.regionCode(), o.type(), o.name())));
        return keys;
    }

    /** An organisation's identity besides its id: the unique key (region, type, name). */
    public static List<Object> key(String regionCode, OrganizationType type, String name) {
        return List.of(regionCode, type, name);
    }

    /** Inserts the organisations in multi-row statements; answers their ids in the order of {@code rows}. */
    public List<Long> insertAll(List<NewOrganization> rows) {
        return jdbc.insertReturningIds("INSERT INTO organization (region_code, type, name, superior_id) VALUES", 4, rows,
                (ps, p, o, i) -> {
                    ps.setString(p, o.regionCode());
                    ps.setString(p + 1, o.type().name());
                    ps.setString(p + 2, o.name());
                    ps.setObject(p + 3, o.superiorId());
                    return p + 4;
                });
    }

    /** A leader to insert for an organisation. */
    public record LeaderOf(long organizationId, NewLeader leader) {
    }

    /** Inserts the leaders in multi-row statements. */
    public void insertLeaders(List<LeaderOf> rows) {
        jdbc.insertAll("INSERT INTO leader (organization_id, name, role, employment, frontline, tenure_from, tenure_to) VALUES",
                7, "", rows, (ps, p, row, i) -> {
                    NewLeader l = row.leader();
                    ps.setLong(p, row.organizationId());
                    ps.setString(p + 1, l.name());
                    ps.setString(p + 2, l.role().name());
                    ps.setString(p + 3, l.employment().name());
                    ps.setBoolean(p + 4, l.frontline());
                    ps.setObject(p + 5, l.from());
                    ps.setObject(p + 6, l.to());
                    return p + 7;
                });
    }

    /** Filters: exact region, subtree ({@code within}), type; any may be null. */
    public Page<Organization> list(String regionCode, String within, OrganizationType type, int page, int size) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (regionCode != null) {
            where.add("region_code = ?");
            params.add(regionCode);
        }
        if (within != null && !RegionCode.isCountry(within)) {
            where.add("region_code LIKE ?");
            params.add(RegionCode.subtreePattern(within));
        }
        if (type != null) {
            where.add("type = ?");
            params.add(type.name());
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.count("SELECT COUNT(*) FROM organization" + condition, params.toArray());
        params.add(size);
        params.add(Page.offset(page, size));
        List<Organization> items = jdbc.query(ORGANIZATION + condition + " ORDER BY region_code, type, id LIMIT ? OFFSET ?",
                OrganizationStore::organization, params.toArray());
        return new Page<>(items, page, size, total);
    }

    public Leader insertLeader(long organizationId, NewLeader l) {
        long id = insert("INSERT INTO leader (organization_id, name, role, employment, frontline, tenure_from, tenure_to) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", organizationId, l.name(), l.role().name(), l.employment().name(),
                l.frontline(), l.from(), l.to());
        return new Leader(id, organizationId, l.name(), l.role(), l.employment(), l.frontline(), l.from(), l.to());
    }

    /** The organisations that name {@code id} as their superior. */
    public List<Organization> ledBy(long id) {
        return jdbc.query(ORGANIZATION + " WHERE superior_id = ? ORDER BY id", OrganizationStore::organization, id);
    }

    /** Overwrites the stored organisation of {@code o.id()} with {@code o}. */
    public void update(Organization o) {
        jdbc.update("UPDATE organization SET region_code = ?, type = ?, name = ?, superior_id = ? WHERE id = ?",
                o.regionCode(), o.type().name(), o.name(), o.superiorId(), o.id());
    }

    /** Deletes an organisation with its leaders. */
    public void delete(long id) {
        jdbc.update("DELETE FROM leader WHERE organization_id = ?", id);
        jdbc.update("DELETE FROM organization WHERE id = ?", id);
    }

    /** Every leader of an organisation, by id. */
    public List<Leader> allLeaders(long organizationId) {
        return jdbc.query(LEADER + " WHERE organization_id = ? ORDER BY id", OrganizationStore::leader, organizationId);
    }

    /** The leader {@code leaderId} when it is one of the organisation {@code organizationId}. */
    public Optional<Leader> findLeader(long organizationId, long leaderId) {
        return jdbc.queryOne(LEADER + " WHERE id = ? AND organization_id = ?", OrganizationStore::leader, leaderId,
                organizationId);
    }

    /** Overwrites the stored leader of {@code l.id()} with {@code l} (its organisation stays). */
    public void updateLeader(Leader l) {
        jdbc.update("UPDATE leader SET name = ?, role = ?, employment = ?, frontline = ?, tenure_from = ?, tenure_to = ? "
                + "WHERE id = ?", l.name(), l.role().name(), l.employment().name(), l.frontline(), l.from(), l.to(), l.id());
    }

    public void deleteLeader(long leaderId) {
        jdbc.update("DELETE FROM leader WHERE id = ?", leaderId);
    }

    /** Leaders of an organisation; {@code asOf}: only those in office that day; {@code role}: only that role. */
    public Page<Leader> leaders(long organizationId, LocalDate asOf, LeaderRole role, int page, int size) {
        List<Object> params = new ArrayList<>(List.of(organizationId));
        String condition = " WHERE organization_id = ?";
        if (asOf != null) {
            condition += " AND tenure_from <= ? AND (tenure_to IS NULL OR tenure_to >= ?)";
            params.add(asOf);
            params.add(asOf);
        }
        if (role != null) {
            condition += " AND role = ?";
            params.add(role.name());
        }
        long total = jdbc.count("SELECT COUNT(*) FROM leader" + condition, params.toArray());
        params.add(size);
        params.add(Page.offset(page, size));
        List<Leader> items = jdbc.query(LEADER + condition + " ORDER BY FIELD(role, 'HEAD', 'DEPUTY', 'MEMBER'), tenure_from, id "
                + "LIMIT ? OFFSET ?", OrganizationStore::leader, params.toArray());
        return new Page<>(items, page, size, total);
    }

    private long insert(String sql, Object... params) {
        return jdbc.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    static Organization organization(ResultSet rs) throws SQLException {
        return new Organization(rs.getLong("id"), rs.getString("region_code"), OrganizationType.valueOf(rs.getString("type")),
                rs.getString("name"), rs.getObject("superior_id", Long.class));
    }

    static Leader leader(ResultSet rs) throws SQLException {
        return new Leader(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("name"),
                LeaderRole.valueOf(rs.getString("role")), Employment.valueOf(rs.getString("employment")),
                rs.getBoolean("frontline"), rs.getObject("tenure_from", LocalDate.class),
                rs.getObject("tenure_to", LocalDate.class));
    }
}
