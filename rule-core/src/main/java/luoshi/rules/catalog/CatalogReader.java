package luoshi.rules.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import luoshi.api.compliance.Dimension;
import luoshi.api.compliance.ItemOwner;
import luoshi.api.compliance.ItemWaiver;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementPeriod;
import luoshi.api.region.RegionLevel;
import luoshi.db.Database;
import luoshi.db.Sql;

/** The SQL that reads a {@link Catalog}: the catalog's five tables, in five statements. */
@ApplicationScoped
class CatalogReader {

    private final Database db;
    private final ObjectMapper json;
    private final RuleTypes types;

    CatalogReader(Database db, ObjectMapper json, RuleTypes types) {
        this.db = db;
        this.json = json;
        this.types = types;
    }

    /**
     * The requirements, their versions, every setting, the owners and the active waivers, at data version
     * {@code version} (-1: inside a writing transaction, to answer it).
     */
    Catalog read(long version) {
        Map<String, Map<String, List<Parameters.Setting>>> settings = new HashMap<>();
        db.list(Sql.of("SELECT requirement_id, region_code, effective_from, parameters_json FROM requirement_parameter"
                + " ORDER BY requirement_id, region_code, effective_from"), rs -> settings
                        .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                        .add(new Parameters.Setting(rs.getObject(3, LocalDate.class), object(rs.getString(4)))));
        Map<String, List<Catalog.Version>> versions = new HashMap<>();
        db.list(Sql.of("SELECT requirement_id, version, effective_from, effective_to, levels, rule_json, weight, dimension"
                + " FROM requirement_version"), rs -> versions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Catalog.Version(rs.getInt(2), rs.getObject(3, LocalDate.class),
                                rs.getObject(4, LocalDate.class), levels(rs.getString(5)), object(rs.getString(6)),
                                plain(rs.getBigDecimal(7)), rs.getString(8) == null ? null : Dimension.valueOf(rs.getString(8)))));
        versions.values().forEach(l -> l.sort(Comparator.comparingInt(Catalog.Version::number)));
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
                + " due_date, revision FROM requirement ORDER BY id"), rs -> new Requirement(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), List.of(),
                        RequirementPeriod.valueOf(rs.getString(6)), null, rs.getObject(7, LocalDate.class), types.owner(),
                        null, null, null, null, null, null, rs.getLong(8)));
        return new Catalog(version, requirements, versions, new Parameters(settings, types), owners, waivers, waived,
                types);
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

    /** A stored rule or setting, as the JSON object it is. */
    ObjectNode object(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored rule or parameter setting is not JSON: " + text, e);
        }
    }
}
