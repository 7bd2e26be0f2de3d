package luoshi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import luoshi.api.compliance.Requirement;
import luoshi.api.region.RegionCode;
import luoshi.api.region.RegionLevel;
import luoshi.db.Sql;

/**
 * The requirements of this service and every jurisdiction's settings as they stood at one data version
 * ({@link RequirementCatalog#at}): read in two statements, then shared by every evaluation of that version
 * (benchmarks/: one region's compliance read the catalog and its parameters twelve times). Immutable.
 *
 * <p>A region inside the issuer's subtree may set a stricter value for its own subtree; the most specific setting
 * wins, and no setting is ever laxer than one above it (不少于: "at least" — lower levels may only add).
 */
public final class Catalog {

    private final long version;
    private final List<Requirement> requirements;
    private final Map<String, Requirement> byId = new HashMap<>();
    /** requirement id → region code → the region's setting, in region order. */
    private final Map<String, Map<String, ObjectNode>> settings;
    private final Map<String, RuleType> ruleTypes;

    Catalog(long version, List<Requirement> requirements, Map<String, Map<String, ObjectNode>> settings,
            Map<String, RuleType> ruleTypes) {
        this.version = version;
        this.requirements = List.copyOf(requirements);
        this.requirements.forEach(r -> byId.put(r.id(), r));
        this.settings = settings;
        this.ruleTypes = ruleTypes;
    }

    /** The data version this catalog was read at. */
    public long version() {
        return version;
    }

    /** Every requirement of this service, by id. */
    public List<Requirement> all() {
        return requirements;
    }

    public Optional<Requirement> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The requirement's settings by region code (none: empty). */
    public Map<String, ObjectNode> settings(String id) {
        return settings.getOrDefault(id, Map.of());
    }

    /** True when {@code r} applies to the region: inside the issuer's subtree and of one of its levels. */
    public boolean applies(Requirement r, String regionCode) {
        Optional<RegionLevel> level = RegionCode.levelOf(regionCode);
        return level.isPresent() && r.levels().contains(level.get()) && RegionCode.contains(r.issuerRegionCode(), regionCode);
    }

    /** The rule in force for a region: the issuer's parameters overlaid with the settings on the region's path. */
    public ObjectNode effectiveRule(Requirement r, String regionCode) {
        ObjectNode rule = r.rule().deepCopy();
        effectiveSettings(r, regionCode, true).forEach(rule::put);
        return rule;
    }

    /** True when a value of {@code parameter} is in force anywhere: the issuer's, or some jurisdiction's setting. */
    public boolean anyValue(Requirement r, String parameter) {
        return decimal(r.rule().get(parameter)).isPresent()
                || settings(r.id()).values().stream().anyMatch(s -> decimal(s.get(parameter)).isPresent());
    }

    /**
     * The value of a numeric parameter in force for the region whose code is in {@code codeColumn}, as SQL:
     * {@code CASE WHEN col LIKE :p1 THEN :v1 WHEN … ELSE :issuer END}, most specific setting first, so that subtree
     * rollups take each region's own value in one query; just the issuer's value when no setting differs; NULL where
     * no value is set at all (a rule that is not applicable yet). Values and patterns are bound.
     */
    public Sql parameterSql(Requirement r, String parameter, String codeColumn) {
        List<String> regions = new ArrayList<>(settings(r.id()).keySet());
        regions.sort(Comparator.comparingInt((String code) -> RegionCode.prefix(code).length()).reversed());
        BigDecimal issuer = decimal(r.rule().get(parameter)).orElse(null);
        List<Sql> whens = new ArrayList<>();
        for (String region : regions) {
            BigDecimal v = effectiveSettings(r, region, true).get(parameter);
            if (v != null && !v.equals(issuer)) {
                whens.add(Sql.of("WHEN " + codeColumn + " LIKE :pattern THEN :value")
                        .bind("pattern", RegionCode.subtreePattern(region)).bind("value", v));
            }
        }
        Sql otherwise = Sql.of(":value").bind("value", issuer);
        if (whens.isEmpty()) {
            return otherwise;          // no setting differs from the issuer's: a CASE with no WHEN is not SQL
        }
        return Sql.of("CASE :whens ELSE :otherwise END").bind("whens", Sql.join(" ", whens)).bind("otherwise", otherwise);
    }

    /**
     * The adjustable values in force at {@code regionCode}: the issuer's, made stricter by each
     * setting on the path from the issuer down to the region ({@code includeOwn}: the region's own
     * setting too). Taking the stricter at each step makes "most specific wins" and "never laxer
     * than above" agree even when an upper level tightened its value after a lower one.
     */
    Map<String, BigDecimal> effectiveSettings(Requirement r, String regionCode, boolean includeOwn) {
        RuleType type = ruleTypes.get(r.rule().path("type").asText());
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        if (type == null) {
            return values;
        }
        type.adjustable().keySet().forEach(k -> decimal(r.rule().get(k)).ifPresent(v -> values.put(k, v)));
        Map<String, ObjectNode> own = settings(r.id());
        if (own.isEmpty()) {
            return values;
        }
        List<String> path = new ArrayList<>(RegionCode.ancestors(regionCode));
        Collections.reverse(path);                 // country first
        if (includeOwn) {
            path.add(regionCode);
        }
        for (String code : path) {
            ObjectNode s = own.get(code);
            if (s == null || !RegionCode.contains(r.issuerRegionCode(), code)) {
                continue;
            }
            type.adjustable().forEach((k, strictness) -> decimal(s.get(k)).ifPresent(v ->
                    values.merge(k, v, strictness::stricter)));
        }
        return values;
    }

    /** Who set the value in force above {@code regionCode}: "the issuer 330600" or "330602". */
    String setter(Requirement r, String key, String regionCode) {
        Map<String, ObjectNode> own = settings(r.id());
        for (String code : RegionCode.ancestors(regionCode)) {
            if (own.containsKey(code) && own.get(code).has(key) && RegionCode.contains(r.issuerRegionCode(), code)) {
                return code.equals(r.issuerRegionCode()) ? "the issuer " + code : code;
            }
        }
        return "the issuer " + r.issuerRegionCode();
    }

    /** A number given as a JSON number or a numeric string; empty when absent, null or not a number. */
    public static Optional<BigDecimal> decimal(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        try {
            return Optional.of(new BigDecimal(node.asText().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
