package luoshi.rules.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import luoshi.api.compliance.Dimension;
import luoshi.api.compliance.ItemOwner;
import luoshi.api.compliance.ItemWaiver;
import luoshi.api.compliance.Requirement;
import luoshi.api.compliance.RequirementVersion;
import luoshi.api.region.RegionCode;
import luoshi.api.region.RegionLevel;
import luoshi.db.Sql;
import luoshi.rules.spi.RuleType;

/**
 * The requirements of this service as they stood at one data version ({@link RequirementCatalog#at}): every version
 * of every requirement, every jurisdiction's settings with the day they hold from, the owners and the active
 * waivers. Read once per data version and shared by every evaluation of it (benchmarks/: one region's compliance read
 * the catalog and its parameters twelve times). Immutable.
 *
 * <p>Time: a period is judged by the version in force on its due date, and by the settings in force on that day
 * (API.md, "Catalog versions, waivers, owners"). A {@link Requirement} handed to the engine is one version's view:
 * its levels, rule, weight and dimension are that version's, {@code version()} its number.
 *
 * <p>A region inside the issuer's subtree may set a stricter value for its own subtree; the most specific setting
 * wins, and no setting is ever laxer than one above it (不少于: "at least" — lower levels may only add).
 */
public final class Catalog {

    /** The first day of every period: a setting from it holds for all (stored so; the API shows null). */
    public static final LocalDate BEGINNING = LocalDate.of(1000, 1, 1);
    /** A day after every period: what holds on it is the latest there is. */
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /** One version of a requirement, as stored; {@code from} and {@code to} null when unbounded. */
    record Version(int number, LocalDate from, LocalDate to, List<RegionLevel> levels, ObjectNode rule,
            BigDecimal weight, Dimension dimension) {

        boolean inForceOn(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
        }

        RequirementVersion api() {
            return new RequirementVersion(number, from, to, levels, rule, weight, dimension);
        }
    }

    /** A region's setting from a day ({@link #BEGINNING}: every period). */
    record Setting(LocalDate from, ObjectNode parameters) {
    }

    /**
     * Days {@code from..to} (null: unbounded) in which one requirement's version and settings do not change:
     * {@code requirement} is the version in force ({@code null}: none is, and the requirement applies nowhere), and
     * {@code day} a day inside, to read the settings on.
     */
    public record Span(LocalDate from, LocalDate to, Requirement requirement, LocalDate day) {

        public boolean contains(LocalDate d) {
            return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
        }
    }

    private final long version;
    /** The requirements by id, each as its latest version. */
    private final Map<String, Requirement> latest = new LinkedHashMap<>();
    private final Map<String, List<Version>> versions;
    /** requirement id → region code → the region's settings, by day. */
    private final Map<String, Map<String, List<Setting>>> settings;
    /** requirement id → region code → the owner set on that region. */
    private final Map<String, Map<String, ItemOwner>> owners;
    /** Active (not revoked) waivers by id, and the requirements that have one. */
    private final Map<String, ItemWaiver> waivers;
    private final Set<String> waived;
    private final Map<String, RuleType> ruleTypes;

    Catalog(long version, List<Requirement> requirements, Map<String, List<Version>> versions,
            Map<String, Map<String, List<Setting>>> settings, Map<String, Map<String, ItemOwner>> owners,
            Map<String, ItemWaiver> waivers, Set<String> waived, Map<String, RuleType> ruleTypes) {
        this.version = version;
        this.versions = versions;
        this.settings = settings;
        this.owners = owners;
        this.waivers = waivers;
        this.waived = waived;
        this.ruleTypes = ruleTypes;
        for (Requirement r : requirements) {
            List<Version> vs = versions.getOrDefault(r.id(), List.of());
            if (!vs.isEmpty()) {
                latest.put(r.id(), view(r, vs.get(vs.size() - 1)));
            }
        }
    }

    /** The data version this catalog was read at. */
    public long version() {
        return version;
    }

    /** Every requirement, as its latest version, by id. */
    public List<Requirement> all() {
        return List.copyOf(latest.values());
    }

    /**
     * Every requirement as in force on {@code day}: the version in force then; when none is, the last one that began
     * before it (retired), else the first (not yet in force).
     */
    public List<Requirement> all(LocalDate day) {
        return latest.keySet().stream().map(id -> onDay(id, day)).toList();
    }

    /** The requirement as its latest version. */
    public Optional<Requirement> find(String id) {
        return Optional.ofNullable(latest.get(id));
    }

    /** The requirement as in force on {@code day} (see {@link #all(LocalDate)}), with every version listed. */
    public Optional<Requirement> describe(String id, LocalDate day) {
        return find(id).map(r -> onDay(id, day).withVersions(versions(id).stream().map(Version::api).toList()));
    }

    private Requirement onDay(String id, LocalDate day) {
        List<Version> vs = versions(id);
        Version shown = vs.get(0);
        for (Version v : vs) {
            if (v.inForceOn(day)) {
                shown = v;
                break;
            }
            if (v.from() == null || !v.from().isAfter(day)) {
                shown = v;
            }
        }
        return view(latest.get(id), shown);
    }

    /** Every version of the requirement, oldest first (none: empty). */
    List<Version> versions(String id) {
        return versions.getOrDefault(id, List.of());
    }

    /** The version of {@code id} in force on {@code day}, as the engine sees a requirement; empty when none is. */
    public Optional<Requirement> inForce(String id, LocalDate day) {
        return versions(id).stream().filter(v -> v.inForceOn(day)).findFirst().map(v -> view(latest.get(id), v));
    }

    /** Version {@code number} of {@code id}, as the engine sees a requirement. */
    public Optional<Requirement> version(String id, int number) {
        return versions(id).stream().filter(v -> v.number() == number).findFirst().map(v -> view(latest.get(id), v));
    }

    /** The span of {@code id} holding {@code day}. */
    public Span spanOn(String id, LocalDate day) {
        return spans(id).stream().filter(s -> s.contains(day)).findFirst().orElseThrow();
    }

    /**
     * The days of all time cut where the requirement's version or one of its settings changes: consecutive spans, the
     * first unbounded below, the last unbounded above. A requirement that never changed has one span.
     */
    public List<Span> spans(String id) {
        TreeSet<LocalDate> cuts = new TreeSet<>();
        for (Version v : versions(id)) {
            if (v.from() != null) {
                cuts.add(v.from());
            }
            if (v.to() != null && v.to().isBefore(LATEST)) {
                cuts.add(v.to().plusDays(1));
            }
        }
        settings(id).values().forEach(list -> list.forEach(s -> {
            if (s.from().isAfter(BEGINNING)) {
                cuts.add(s.from());
            }
        }));
        List<Span> spans = new ArrayList<>();
        LocalDate from = null;
        for (LocalDate cut : cuts) {
            spans.add(span(id, from, cut.minusDays(1)));
            from = cut;
        }
        spans.add(span(id, from, null));
        return spans;
    }

    private Span span(String id, LocalDate from, LocalDate to) {
        LocalDate day = from == null ? BEGINNING : from;
        return new Span(from, to, inForce(id, day).orElse(null), day);
    }

    private static Requirement view(Requirement base, Version v) {
        return new Requirement(base.id(), base.title(), base.titleZh(), base.source(), base.issuerRegionCode(),
                v.levels(), base.period(), v.rule(), base.dueDate(), base.owner(), v.number(), v.from(), v.to(),
                v.weight(), v.dimension(), null);
    }

    /** The settings in force on {@code day}, by region code (a region's latest from on or before the day). */
    public Map<String, ObjectNode> settingsOn(String id, LocalDate day) {
        Map<String, ObjectNode> on = new LinkedHashMap<>();
        settings(id).forEach((region, list) -> {
            for (Setting s : list) {
                if (!s.from().isAfter(day)) {
                    on.put(region, s.parameters());
                }
            }
        });
        return on;
    }

    /** Every setting of the requirement, by region code, each region's by day. */
    Map<String, List<Setting>> settings(String id) {
        return settings.getOrDefault(id, Map.of());
    }

    /** True when {@code r} applies to the region: inside the issuer's subtree and of one of its levels. */
    public boolean applies(Requirement r, String regionCode) {
        Optional<RegionLevel> level = RegionCode.levelOf(regionCode);
        return level.isPresent() && r.levels().contains(level.get()) && RegionCode.contains(r.issuerRegionCode(), regionCode);
    }

    /** The rule in force for a region on the latest day: {@link #effectiveRule(Requirement, String, LocalDate)}. */
    public ObjectNode effectiveRule(Requirement r, String regionCode) {
        return effectiveRule(r, regionCode, LATEST);
    }

    /** The rule in force for a region on {@code day}: the version's parameters overlaid with the settings on the region's path. */
    public ObjectNode effectiveRule(Requirement r, String regionCode, LocalDate day) {
        ObjectNode rule = r.rule().deepCopy();
        effectiveSettings(r, regionCode, true, day).forEach(rule::put);
        return rule;
    }

    /** True when a value of {@code parameter} is in force anywhere on {@code day}: the version's, or a setting's. */
    public boolean anyValue(Requirement r, String parameter, LocalDate day) {
        return decimal(r.rule().get(parameter)).isPresent()
                || settingsOn(r.id(), day).values().stream().anyMatch(s -> decimal(s.get(parameter)).isPresent());
    }

    /** {@link #parameterSql(Requirement, String, String, LocalDate)} on the latest day. */
    public Sql parameterSql(Requirement r, String parameter, String codeColumn) {
        return parameterSql(r, parameter, codeColumn, LATEST);
    }

    /**
     * The value of a numeric parameter in force on {@code day} for the region whose code is in {@code codeColumn}, as
     * SQL: {@code CASE WHEN col LIKE :p1 THEN :v1 WHEN … ELSE :issuer END}, most specific setting first, so that
     * subtree rollups take each region's own value in one query; just the version's value when no setting differs;
     * NULL where no value is set at all (a rule that is not applicable yet). Values and patterns are bound.
     */
    public Sql parameterSql(Requirement r, String parameter, String codeColumn, LocalDate day) {
        List<String> regions = new ArrayList<>(settingsOn(r.id(), day).keySet());
        regions.sort(Comparator.comparingInt((String code) -> RegionCode.prefix(code).length()).reversed());
        BigDecimal issuer = decimal(r.rule().get(parameter)).orElse(null);
        List<Sql> whens = new ArrayList<>();
        for (String region : regions) {
            BigDecimal v = effectiveSettings(r, region, true, day).get(parameter);
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
    Map<String, BigDecimal> effectiveSettings(Requirement r, String regionCode, boolean includeOwn, LocalDate day) {
        RuleType type = ruleTypes.get(r.rule().path("type").asText());
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        if (type == null) {
            return values;
        }
        type.adjustable().keySet().forEach(k -> decimal(r.rule().get(k)).ifPresent(v -> values.put(k, v)));
        Map<String, ObjectNode> own = settingsOn(r.id(), day);
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

    /** Who set the value in force above {@code regionCode} on {@code day}: "the issuer 330600 (version 2)" or "330602". */
    String setter(Requirement r, String key, String regionCode, LocalDate day) {
        Map<String, ObjectNode> own = settingsOn(r.id(), day);
        for (String code : RegionCode.ancestors(regionCode)) {
            if (own.containsKey(code) && own.get(code).has(key) && RegionCode.contains(r.issuerRegionCode(), code)) {
                return code.equals(r.issuerRegionCode()) ? "the issuer " + code : code;
            }
        }
        return "the issuer " + r.issuerRegionCode() + " (version " + r.version() + ")";
    }

    /** The owner in force for a region: set on it, or on the nearest region above it; null when none is. */
    public ItemOwner owner(String id, String regionCode) {
        Map<String, ItemOwner> set = owners.getOrDefault(id, Map.of());
        if (set.isEmpty()) {
            return null;
        }
        ItemOwner own = set.get(regionCode);
        if (own != null) {
            return own;
        }
        for (String code : RegionCode.ancestors(regionCode)) {    // nearest first
            ItemOwner o = set.get(code);
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    /** True when the requirement has an active waiver anywhere (else no item of it needs looking one up). */
    public boolean hasWaivers(String id) {
        return waived.contains(id);
    }

    /** An active waiver by id. */
    public ItemWaiver waiver(String waiverId) {
        return waivers.get(waiverId);
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

    static Map<String, List<Version>> byRequirement(List<Map.Entry<String, Version>> rows) {
        Map<String, List<Version>> out = new HashMap<>();
        rows.forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        out.values().forEach(l -> l.sort(Comparator.comparingInt(Version::number)));
        return out;
    }
}
