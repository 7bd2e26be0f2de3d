package luoshi.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import luoshi.api.region.RegionCode;
import org.junit.jupiter.api.Assertions;

/**
 * The property "the SQL rollup agrees with the per-region items" (issue 16, point 3), over HTTP only, so that it holds
 * for whatever evaluates the requirements behind {@code /internal/v1/compliance} (ARCHITECTURE.md: the rollup is
 * computed in SQL over the subtree, the items region by region; API.md: {@code counts} cover the region and its whole
 * subtree, each child's the child and its subtree; and the evaluation's weights, issue #27: the sums of the weights a
 * rollup carries, the subtree's and each child's, overall and per dimension, are those of its items, each weighing what
 * the catalog says of the version that judged it). Items are counted, not regions: a TERM requirement yields one item
 * per committee term, or one NO_DATA item.
 */
public final class RollupAgreement {

    static final List<String> STATUSES = List.of("COMPLIANT", "PENDING", "NON_COMPLIANT", "NO_DATA", "NOT_APPLICABLE");

    private RollupAgreement() {
    }

    /** Writes a seed's random facts about its year. */
    public interface Facts {
        void write(Random random, int year);
    }

    /**
     * For each seed (printed): writes its facts, then checks the property for every root at two evaluation dates, the
     * middle of the year (due dates ahead: PENDING) and after its end (NON_COMPLIANT); over the fixed seeds, every rule
     * type that applies in the first root's subtree must have shown two statuses. {@code subtree} answers every region
     * the service holds below a root, root included.
     */
    public static void run(String service, List<String> roots, Function<String, List<String>> subtree, Facts facts) {
        List<Item> seen = new ArrayList<>();
        for (long seed : seeds()) {
            int year = yearOf(seed);
            System.out.println("RollupAgreesTest (" + service + "): seed " + seed + ", year " + year
                    + " (replay with -Dluoshi.rollup.seed=" + seed + ")");
            facts.write(new Random(seed), year);
            for (LocalDate asOf : List.of(LocalDate.of(year, 6, 30), LocalDate.of(year + 1, 1, 15))) {
                for (String root : roots) {
                    List<Item> items = check(seed, root, subtree.apply(root), year, asOf);
                    if (root.equals(roots.get(0))) {
                        seen.addAll(items);
                    }
                }
            }
        }
        if (fullRun()) {
            assertEveryRuleTypeVaries(seen, subtree.apply(roots.get(0)));
        }
    }

    /** The fixed seeds of a run; {@code -Dluoshi.rollup.seed=N} replays one. */
    public static List<Long> seeds() {
        String replay = System.getProperty("luoshi.rollup.seed");
        return replay == null || replay.isBlank() ? List.of(1L, 2L, 3L) : List.of(Long.parseLong(replay.trim()));
    }

    /** True when the run is the fixed seeds (not a replay of one), over which every rule type must vary. */
    public static boolean fullRun() {
        String replay = System.getProperty("luoshi.rollup.seed");
        return replay == null || replay.isBlank();
    }

    /**
     * The year a seed's facts are about: 2034, 2037, 2040 … (three years apart, so that facts dated in the years before
     * and after it, and committee terms spanning them, never meet another seed's), years no other test uses.
     */
    public static int yearOf(long seed) {
        return 2031 + 3 * (int) Math.floorMod(seed, 20L);
    }

    /**
     * Fails unless every rule type of the service's requirements that applies inside the subtree (a requirement whose
     * issuer's subtree holds a region of {@code subtree} at one of its levels) shows at least two different statuses
     * other than NOT_APPLICABLE among {@code items}: the facts generated reach both sides of its boundary.
     */
    public static void assertEveryRuleTypeVaries(Collection<Item> items, Collection<String> subtree) {
        JsonPath catalog = given().auth().oauth2(TestTokens.ADMIN).get("/internal/v1/compliance/requirements").then()
                .statusCode(200).extract().jsonPath();
        Map<String, String> typeOf = new LinkedHashMap<>();
        Set<String> applying = new LinkedHashSet<>();
        List<Map<String, Object>> requirements = catalog.getList("items");
        for (Map<String, Object> r : requirements) {
            String type = (String) asMap(r.get("rule")).get("type");
            typeOf.put((String) r.get("id"), type);
            List<?> levels = (List<?>) r.get("levels");
            String issuer = (String) r.get("issuerRegionCode");
            if (subtree.stream().anyMatch(c -> RegionCode.contains(issuer, c)
                    && levels.contains(RegionCode.levelOf(c).orElseThrow().name()))) {
                applying.add(type);
            }
        }
        Map<String, Set<String>> seen = new TreeMap<>();
        applying.forEach(t -> seen.put(t, new java.util.TreeSet<>()));
        for (Item i : items) {
            String type = typeOf.get(i.requirementId());
            if (applying.contains(type) && !"NOT_APPLICABLE".equals(i.status())) {
                seen.get(type).add(i.status());
            }
        }
        System.out.println("RollupAgreement: statuses per rule type over the run (NOT_APPLICABLE aside): " + seen);
        List<String> flat = seen.entrySet().stream().filter(e -> e.getValue().size() < 2)
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        if (!flat.isEmpty()) {
            Assertions.fail("Vacuous: these rule types apply inside the subtree but showed fewer than two statuses (other "
                    + "than NOT_APPLICABLE) over the run: " + flat + "; all seen: " + seen);
        }
    }

    /** A jurisdiction's stricter parameters (REQUIREMENTS.md, Jurisdiction parameters), e.g. {@code {"minShare":"0.5"}}. */
    public static void parameters(String requirementId, String regionCode, Map<String, ?> values) {
        given().auth().oauth2(TestTokens.ADMIN).contentType("application/json").body(values)
                .put("/api/v1/requirements/" + requirementId + "/parameters/" + regionCode).then().statusCode(200);
    }

    /** True when the service's catalog holds the requirement (a new one, such as ORGANIZATION_COVERAGE, may not exist yet). */
    public static boolean hasRequirement(String id) {
        List<String> ids = given().auth().oauth2(TestTokens.ADMIN).get("/internal/v1/compliance/requirements").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        return ids.contains(id);
    }

    /** One item as the service answered it for a region. */
    public record Item(String regionCode, String requirementId, String status) {
    }

    /**
     * Reads the rollup of {@code root} and the items of every region of {@code subtree} (root included: every region
     * the service holds below it), and fails naming the seed, the requirement or child, and both counts wherever they
     * disagree. Answers the items read, for the caller's own checks.
     */
    public static List<Item> check(long seed, String root, Collection<String> subtree, int year, LocalDate asOf) {
        String where = "seed " + seed + ", root " + root + ", year " + year + ", asOf " + asOf;
        List<Item> items = new ArrayList<>();
        List<Weighed> weighed = new ArrayList<>();
        Map<String, Map<Integer, Weighed>> versions = new HashMap<>();
        for (String code : new LinkedHashSet<>(subtree)) {
            if (!RegionCode.contains(root, code)) {
                throw new IllegalArgumentException(code + " is not in the subtree of " + root);
            }
            JsonPath answer = get("/internal/v1/compliance/regions/" + code, year, asOf);
            List<Map<String, Object>> listed = answer.getList("items");
            for (Map<String, Object> i : listed) {
                items.add(new Item(code, (String) i.get("requirementId"), (String) i.get("status")));
                weighed.add(weighed(code, i, versions));
            }
        }
        JsonPath rollup = get("/internal/v1/compliance/regions/" + root + "/rollup", year, asOf);

        List<String> disagreements = new ArrayList<>();
        compare(disagreements, where + ", all requirements, region " + root + " and its subtree", rollup.getMap("counts"),
                counted(items));
        compareWeights(disagreements, where + ", weights, region " + root + " and its subtree", asMap(rollup.get("weights")),
                weighed);

        List<Map<String, Object>> children = rollup.getList("children");
        Set<String> listedChildren = new LinkedHashSet<>();
        for (Map<String, Object> child : children) {
            String c = (String) child.get("regionCode");
            listedChildren.add(c);
            compare(disagreements, where + ", all requirements, child " + c, asMap(child.get("counts")),
                    counted(items.stream().filter(i -> RegionCode.contains(c, i.regionCode())).toList()));
            compareWeights(disagreements, where + ", weights, child " + c, asMap(child.get("weights")),
                    weighed.stream().filter(w -> RegionCode.contains(c, w.regionCode())).toList());
        }
        for (Item i : items) {
            String child = childOf(root, i.regionCode());
            if (child != null && !listedChildren.contains(child)) {
                disagreements.add(where + ": child " + child + " has items (" + i.requirementId() + " of " + i.regionCode()
                        + " is " + i.status() + ") but the rollup does not list it; it lists " + listedChildren);
                listedChildren.add(child);   // once per child
            }
        }

        List<Map<String, Object>> byRequirement = rollup.getList("byRequirement");
        Set<String> listedRequirements = new LinkedHashSet<>();
        for (Map<String, Object> r : byRequirement) {
            String id = (String) r.get("requirementId");
            listedRequirements.add(id);
            compare(disagreements, where + ", requirement " + id + ", region " + root + " and its subtree",
                    asMap(r.get("counts")), counted(items.stream().filter(i -> id.equals(i.requirementId())).toList()));
        }
        items.stream().map(Item::requirementId).distinct().filter(id -> !listedRequirements.contains(id)).forEach(id ->
                disagreements.add(where + ": requirement " + id + " has items but the rollup's byRequirement does not list it"));

        if (!disagreements.isEmpty()) {
            Assertions.fail("The SQL rollup disagrees with the per-region items (" + disagreements.size() + "):\n  "
                    + String.join("\n  ", disagreements));
        }
        return items;
    }

    /**
     * What one item weighs in the evaluation (API.md, "Evaluation and trends"), from the catalog, never from the rollup:
     * the weight and dimension of the version that judged it ({@code requirementVersion}, read from
     * {@code GET /api/v1/requirements/{id}}); COMPLIANT in both sums, PENDING, NON_COMPLIANT and NO_DATA in
     * {@code counted} only, NOT_APPLICABLE (a waived item too) in neither.
     */
    private static Weighed weighed(String code, Map<String, Object> item, Map<String, Map<Integer, Weighed>> versions) {
        String status = (String) item.get("status");
        Object version = item.get("requirementVersion");
        if ("NOT_APPLICABLE".equals(status) || version == null) {
            return new Weighed(code, null, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        String id = (String) item.get("requirementId");
        Weighed v = versions.computeIfAbsent(id, RollupAgreement::versionsOf).get(((Number) version).intValue());
        if (v == null) {
            throw new AssertionError("an item of " + id + " names version " + version + ", which its catalog lacks");
        }
        return new Weighed(code, v.dimension(), "COMPLIANT".equals(status) ? v.counted() : BigDecimal.ZERO, v.counted());
    }

    /** Each version of the requirement: its weight (as {@code counted}) and dimension. */
    private static Map<Integer, Weighed> versionsOf(String id) {
        Map<Integer, Weighed> out = new HashMap<>();
        List<Map<String, Object>> listed = given().auth().oauth2(TestTokens.ADMIN).get("/api/v1/requirements/" + id).then()
                .statusCode(200).extract().jsonPath().getList("versions");
        for (Map<String, Object> v : listed) {
            out.put(((Number) v.get("version")).intValue(), new Weighed(null, (String) v.get("dimension"), null,
                    decimal(v.get("weight"))));
        }
        return out;
    }

    /** An item's weight in the evaluation: its region, dimension (null: none) and its two sums. */
    private record Weighed(String regionCode, String dimension, BigDecimal compliant, BigDecimal counted) {
    }

    private static BigDecimal decimal(Object number) {
        return number == null ? BigDecimal.ZERO : new BigDecimal(String.valueOf(number));
    }

    /** The rollup's weights ({@code {"all":{…},"dimensions":{…}}}) against the sums of the items' weights. */
    private static void compareWeights(List<String> disagreements, String what, Map<String, ?> rolledUp, List<Weighed> items) {
        Map<String, BigDecimal[]> expected = new TreeMap<>();
        for (Weighed w : items) {
            for (String key : w.dimension() == null ? List.of("all") : List.of("all", w.dimension())) {
                expected.merge(key, new BigDecimal[] {w.compliant(), w.counted()},
                        (a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])});
            }
        }
        Map<String, BigDecimal[]> actual = new TreeMap<>();
        Map<String, ?> all = asMap(rolledUp.get("all"));
        actual.put("all", new BigDecimal[] {decimal(all.get("compliant")), decimal(all.get("counted"))});
        asMap(rolledUp.get("dimensions")).forEach((d, sum) -> actual.put(d,
                new BigDecimal[] {decimal(asMap(sum).get("compliant")), decimal(asMap(sum).get("counted"))}));
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            BigDecimal[] e = expected.getOrDefault(key, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal[] a = actual.getOrDefault(key, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            if (e[0].compareTo(a[0]) != 0 || e[1].compareTo(a[1]) != 0) {
                disagreements.add(what + " (" + key + "): rollup " + a[0] + " of " + a[1] + " but items " + e[0] + " of " + e[1]);
            }
        }
    }

    /** The direct child of {@code root} whose subtree holds {@code code}; null for the root itself. */
    static String childOf(String root, String code) {
        if (code.equals(root)) {
            return null;
        }
        String c = code;
        for (String parent = RegionCode.parentOf(c); !root.equals(parent == null ? RegionCode.COUNTRY : parent);
                parent = RegionCode.parentOf(c)) {
            if (parent == null) {
                throw new IllegalArgumentException(code + " is not below " + root);
            }
            c = parent;
        }
        return c;
    }

    private static JsonPath get(String path, int year, LocalDate asOf) {
        return given().auth().oauth2(TestTokens.ADMIN).queryParam("year", year).queryParam("asOf", asOf.toString())
                .get(path).then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Long> counted(Collection<Item> items) {
        Map<String, Long> counts = new TreeMap<>();
        STATUSES.forEach(s -> counts.put(s, 0L));
        items.forEach(i -> counts.merge(i.status(), 1L, Long::sum));
        return counts;
    }

    private static void compare(List<String> disagreements, String what, Map<String, ?> rolledUp, Map<String, Long> fromItems) {
        Map<String, Long> rollup = new TreeMap<>();
        STATUSES.forEach(s -> rollup.put(s, rolledUp.get(s) == null ? 0L : ((Number) rolledUp.get(s)).longValue()));
        if (!rollup.equals(fromItems)) {
            disagreements.add(what + ": rollup " + rollup + " but items " + fromItems);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asMap(Object counts) {
        return counts == null ? new LinkedHashMap<>() : (Map<String, ?>) counts;
    }
}
