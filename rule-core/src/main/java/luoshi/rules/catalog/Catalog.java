package luoshi.rules.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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

/**
 * The requirements of this service as they stood at one data version ({@link RequirementCatalog#at}): every version
 * of every requirement with its rule as its type parsed it, every jurisdiction's settings ({@link #parameters()}),
 * the owners and the active waivers. Read once per data version and shared by every evaluation of it (benchmarks/:
 * one region's compliance read the catalog and its parameters twelve times). Immutable.
 *
 * <p>Time: a period is judged by the version in force on its due date, and by the settings in force on that day
 * (API.md, "Catalog versions, waivers, owners"). A {@link Requirement} handed to the engine is one version's view:
 * its levels, rule, weight and dimension are that version's, {@code version()} its number.
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
    /** requirement id → version number → its rule as its type parsed it (absent: no type here, or not valid). */
    private final Map<String, Map<Integer, TypedRule<?>>> rules = new HashMap<>();
    private final Parameters parameters;
    /** requirement id → region code → the owner set on that region. */
    private final Map<String, Map<String, ItemOwner>> owners;
    /** Active (not revoked) waivers by id, and the requirements that have one. */
    private final Map<String, ItemWaiver> waivers;
    private final Set<String> waived;

    Catalog(long version, List<Requirement> requirements, Map<String, List<Version>> versions, Parameters parameters,
            Map<String, Map<String, ItemOwner>> owners, Map<String, ItemWaiver> waivers, Set<String> waived,
            RuleTypes types) {
        this.version = version;
        this.versions = versions;
        this.parameters = parameters;
        this.owners = owners;
        this.waivers = waivers;
        this.waived = waived;
        for (Requirement r : requirements) {
            List<Version> vs = versions.getOrDefault(r.id(), List.of());
            if (!vs.isEmpty()) {
                latest.put(r.id(), view(r, vs.get(vs.size() - 1)));
            }
            vs.forEach(v -> types.typed(v.rule()).ifPresent(typed ->
                    rules.computeIfAbsent(r.id(), k -> new HashMap<>()).put(v.number(), typed)));
        }
    }

    /** The data version this catalog was read at. */
    public long version() {
        return version;
    }

    /** The jurisdictions' settings, and the values in force that they make. */
    public Parameters parameters() {
        return parameters;
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

    /**
     * The rule of version {@code v} as its type parsed it, once for this catalog; empty when this service has no such
     * type or the stored rule is not valid (the version then judges nothing: NOT_APPLICABLE).
     */
    public Optional<TypedRule<?>> rule(Requirement v) {
        return Optional.ofNullable(rules.getOrDefault(v.id(), Map.of()).get(v.version()));
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
        cuts.addAll(parameters.changes(id));
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
                v.weight(), v.dimension(), null, base.revision());
    }

    /** True when {@code r} applies to the region: inside the issuer's subtree and of one of its levels. */
    public boolean applies(Requirement r, String regionCode) {
        Optional<RegionLevel> level = RegionCode.levelOf(regionCode);
        return level.isPresent() && r.levels().contains(level.get()) && RegionCode.contains(r.issuerRegionCode(), regionCode);
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
}
