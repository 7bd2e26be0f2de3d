package luoshi.rules.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import luoshi.api.compliance.Requirement;
import luoshi.api.region.RegionCode;
import luoshi.db.Sql;
import luoshi.rules.spi.Adjustable;

/**
 * The jurisdictions' settings of one {@link Catalog} (REQUIREMENTS.md, Jurisdiction parameters), and the values in
 * force that they make: a region inside the issuer's subtree may set a stricter value of an adjustable parameter for
 * its subtree, from a day on; the most specific setting wins, and no setting is ever laxer than one above it (不少于:
 * "at least" — lower levels may only add). Values are read within their type's bounds only. Immutable.
 */
public final class Parameters {

    /** A region's setting from a day ({@link Catalog#BEGINNING}: every period). */
    record Setting(LocalDate from, ObjectNode parameters) {
    }

    /** requirement id → region code → the region's settings, by day. */
    private final Map<String, Map<String, List<Setting>>> settings;
    private final RuleTypes types;

    Parameters(Map<String, Map<String, List<Setting>>> settings, RuleTypes types) {
        this.settings = settings;
        this.types = types;
    }

    /** Every setting of the requirement, by region code, each region's by day. */
    Map<String, List<Setting>> of(String id) {
        return settings.getOrDefault(id, Map.of());
    }

    /** The days after {@link Catalog#BEGINNING} on which a setting of the requirement begins. */
    Set<LocalDate> changes(String id) {
        Set<LocalDate> days = new TreeSet<>();
        of(id).values().forEach(list -> list.stream().map(Setting::from).filter(d -> d.isAfter(Catalog.BEGINNING))
                .forEach(days::add));
        return days;
    }

    /** The settings in force on {@code day}, by region code (a region's latest from on or before the day). */
    Map<String, ObjectNode> on(String id, LocalDate day) {
        Map<String, ObjectNode> on = new LinkedHashMap<>();
        of(id).forEach((region, list) -> {
            for (Setting s : list) {
                if (!s.from().isAfter(day)) {
                    on.put(region, s.parameters());
                }
            }
        });
        return on;
    }

    /** The rule in force for a region on the latest day: {@link #effectiveRule(Requirement, String, LocalDate)}. */
    public ObjectNode effectiveRule(Requirement r, String regionCode) {
        return effectiveRule(r, regionCode, Catalog.LATEST);
    }

    /** The rule in force for a region on {@code day}: the version's parameters overlaid with the settings on the region's path. */
    public ObjectNode effectiveRule(Requirement r, String regionCode, LocalDate day) {
        ObjectNode rule = r.rule().deepCopy();
        effectiveValues(r, regionCode, true, day).forEach(rule::put);
        return rule;
    }

    /** True when a value of {@code parameter} is in force anywhere on {@code day}: the version's, or a setting's. */
    public boolean anyValue(Requirement r, String parameter, LocalDate day) {
        return types.value(r.rule(), parameter, r.rule().get(parameter)).isPresent() || on(r.id(), day).values().stream()
                .anyMatch(s -> types.value(r.rule(), parameter, s.get(parameter)).isPresent());
    }

    /** {@link #valueSql(Requirement, String, String, LocalDate)} on the latest day. */
    public Sql valueSql(Requirement r, String parameter, String codeColumn) {
        return valueSql(r, parameter, codeColumn, Catalog.LATEST);
    }

    /**
     * The value of an adjustable parameter in force on {@code day} for the region whose code is in {@code codeColumn},
     * as SQL: {@code CASE WHEN col LIKE :p1 THEN :v1 WHEN … ELSE :issuer END}, most specific setting first, so that
     * subtree rollups take each region's own value in one query; just the version's value when no setting differs;
     * NULL where no value is set at all (a rule that is not applicable yet). Values and patterns are bound.
     */
    public Sql valueSql(Requirement r, String parameter, String codeColumn, LocalDate day) {
        List<String> regions = new ArrayList<>(on(r.id(), day).keySet());
        regions.sort(Comparator.comparingInt((String code) -> RegionCode.prefix(code).length()).reversed());
        BigDecimal issuer = types.value(r.rule(), parameter, r.rule().get(parameter)).orElse(null);
        List<Sql> whens = new ArrayList<>();
        for (String region : regions) {
            BigDecimal v = effectiveValues(r, region, true, day).get(parameter);
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
     * The adjustable values in force at {@code regionCode} on {@code day}: the version's, made stricter by each
     * setting on the path from the issuer down to the region ({@code includeOwn}: the region's own setting too).
     * Taking the stricter at each step makes "most specific wins" and "never laxer than above" agree even when an
     * upper level tightened its value after a lower one.
     */
    Map<String, BigDecimal> effectiveValues(Requirement r, String regionCode, boolean includeOwn, LocalDate day) {
        Map<String, Adjustable> adjustable = types.adjustable(r.rule());
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        adjustable.forEach((k, a) -> a.bounds().read(r.rule().get(k)).ifPresent(v -> values.put(k, v)));
        Map<String, ObjectNode> own = on(r.id(), day);
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
            adjustable.forEach((k, a) -> a.bounds().read(s.get(k)).ifPresent(v ->
                    values.merge(k, v, a.strictness()::stricter)));
        }
        return values;
    }

    /** Who set the value in force above {@code regionCode} on {@code day}: "the issuer 330600 (version 2)" or "330602". */
    String setter(Requirement r, String key, String regionCode, LocalDate day) {
        Map<String, ObjectNode> own = on(r.id(), day);
        for (String code : RegionCode.ancestors(regionCode)) {
            if (own.containsKey(code) && own.get(code).has(key) && RegionCode.contains(r.issuerRegionCode(), code)) {
                return code.equals(r.issuerRegionCode()) ? "the issuer " + code : code;
            }
        }
        return "the issuer " + r.issuerRegionCode() + " (version " + r.version() + ")";
    }
}
