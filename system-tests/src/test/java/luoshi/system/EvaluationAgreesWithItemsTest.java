package luoshi.system;

import static luoshi.system.PublicApi.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue #27, "It must show": the evaluation's score of a region equals the score computed from the items of every
 * region of its subtree, through the gateway only. For 盐城市 (320900, with meetings of its own), 江苏省 and the whole
 * country (with every other test's facts written so far): every region of the subtree is read from the regions' children, each region's items from the compliance view,
 * each item weighed by the version of its requirement that judged it (its {@code requirementVersion}, from the
 * requirement's {@code versions}), and 100 × Σ compliant ÷ Σ counted (one decimal) compared with the evaluation's
 * score, per dimension, and with each child's score.
 */
class EvaluationAgreesWithItemsTest {

    private static final JsonPathConfig DECIMALS =
            JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);
    private static final List<String> DIMENSIONS = List.of("COMMON", "SPECIFIC", "PROGRESS", "SATISFACTION");

    private final Map<String, JsonPath> requirements = new HashMap<>();

    /** Σ weight of the COMPLIANT items and of the counted ones, overall ("") and per dimension. */
    private static final class Sums {
        final Map<String, BigDecimal[]> byKey = new HashMap<>();

        void add(String key, BigDecimal weight, boolean compliant) {
            BigDecimal[] s = byKey.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = compliant ? s[0].add(weight) : s[0];
            s[1] = s[1].add(weight);
        }

        Sums plus(Sums o) {
            Sums sum = new Sums();
            for (Sums part : List.of(this, o)) {
                part.byKey.forEach((key, s) -> {
                    BigDecimal[] t = sum.byKey.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    t[0] = t[0].add(s[0]);
                    t[1] = t[1].add(s[1]);
                });
            }
            return sum;
        }

        BigDecimal score(String key) {
            BigDecimal[] s = byKey.get(key);
            return s == null || s[1].signum() == 0 ? null
                    : s[0].multiply(BigDecimal.valueOf(100)).divide(s[1], 1, RoundingMode.HALF_UP);
        }
    }

    private static JsonPath get(String path) {
        return as(TestTokens.ADMIN).get(path).then().statusCode(200).extract().jsonPath(DECIMALS);
    }

    private List<String> subtree(String root) {
        List<String> all = new ArrayList<>(List.of(root));
        for (int i = 0; i < all.size(); i++) {
            all.addAll(get("/api/v1/regions/" + all.get(i) + "/children?size=500").getList("items.code"));
        }
        return all;
    }

    /** The items of one region added up, each weighing what its judging version says. */
    private Sums sums(String region, int year, String asOf) {
        Sums sums = new Sums();
        JsonPath report = get("/api/v1/compliance/" + region + "?year=" + year + "&asOf=" + asOf);
        assertThat(report.getList("incomplete")).isEmpty();
        List<Map<String, Object>> items = report.getList("items");
        for (Map<String, Object> item : items) {
            String status = (String) item.get("status");
            if ("NOT_APPLICABLE".equals(status)) {
                continue;
            }
            Object version = item.get("requirementVersion");
            assertThat(version).as(region + " " + item.get("requirementId") + " is judged by a version").isNotNull();
            JsonPath requirement = requirements.computeIfAbsent((String) item.get("requirementId"),
                    id -> get("/api/v1/requirements/" + id));
            Map<String, Object> judging = requirement.<Map<String, Object>>getList("versions").stream()
                    .filter(v -> ((Number) v.get("version")).intValue() == ((Number) version).intValue())
                    .findFirst().orElseThrow();
            BigDecimal weight = new BigDecimal(judging.get("weight").toString());
            boolean compliant = "COMPLIANT".equals(status);
            sums.add("", weight, compliant);
            if (judging.get("dimension") != null) {
                sums.add((String) judging.get("dimension"), weight, compliant);
            }
        }
        return sums;
    }

    /** The sums of the regions of {@code regions} that lie in {@code root}'s subtree. */
    private static Sums within(String root, Map<String, Sums> byRegion) {
        Sums total = new Sums();
        for (Map.Entry<String, Sums> e : byRegion.entrySet()) {
            if (e.getKey().equals(root) || contains(root, e.getKey())) {
                total = total.plus(e.getValue());
            }
        }
        return total;
    }

    /** True when {@code code} is {@code root} or below it (the code rule of REQUIREMENTS.md, "Region levels"). */
    private static boolean contains(String root, String code) {
        if (root.equals("000000")) {
            return !code.equals(root);
        }
        String prefix = root.endsWith("0000") ? root.substring(0, 2) : root.endsWith("00") ? root.substring(0, 4) : root;
        return code.startsWith(prefix);
    }

    private static void assertScore(BigDecimal actual, BigDecimal expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isEqualByComparingTo(expected);
        }
    }

    private void assertAgrees(String root, int year, String asOf) {
        List<String> regions = subtree(root);
        JsonPath evaluation = get("/api/v1/evaluation/" + root + "?year=" + year + "&asOf=" + asOf);
        Map<String, Sums> byRegion = new HashMap<>();
        regions.forEach(r -> byRegion.put(r, sums(r, year, asOf)));
        Sums all = within(root, byRegion);
        assertScore(evaluation.get("score"), all.score(""), root + " " + year + " score");
        for (String d : DIMENSIONS) {
            assertScore(evaluation.get("dimensions." + d), all.score(d), root + " " + year + " " + d);
        }
        List<Map<String, Object>> children = evaluation.getList("children");
        assertThat(children).isNotEmpty();
        for (Map<String, Object> child : children) {
            String code = (String) child.get("regionCode");
            assertScore((BigDecimal) child.get("score"), within(code, byRegion).score(""), code + " " + year + " score");
        }
        System.out.println("EvaluationAgreesWithItemsTest: " + root + " " + year + " as of " + asOf + ": " + regions.size()
                + " regions, score " + all.score("") + ", dimensions " + all.byKey.keySet());
    }

    /**
     * 盐城市 (320900, a city no other test writes in): its 2025 meetings make 亭湖区 hold every yearly meeting, 盐都区 a
     * report hearing only and 大丰区 none, so that on 2026-01-15 the counties' items are COMPLIANT and NON_COMPLIANT
     * apart, and on 2025-06-30 COMPLIANT and PENDING.
     */
    @Test
    void theEvaluationsScoreIsTheScoreOfTheItemsOfEveryRegionOfItsSubtree() {
        LuoshiSystem.get();
        PublicApi.realRegions("320902", "320903", "320904");
        meeting("320902", "STANDING_COMMITTEE_STUDY", "2025-03-12");
        meeting("320902", "REPORT_HEARING", "2025-04-16");
        meeting("320902", "JOINT_MEETING", "2025-05-20");
        meeting("320903", "REPORT_HEARING", "2025-04-17");
        for (String root : List.of("320900", "320000", "000000")) {
            assertAgrees(root, 2025, "2026-01-15");
            assertAgrees(root, 2025, "2025-06-30");
        }
        // the facts reached both sides: 亭湖区 scores above 盐都区, which scores above 大丰区
        Map<String, BigDecimal> scores = new HashMap<>();
        List<Map<String, Object>> children = get("/api/v1/evaluation/320900?year=2025&asOf=2026-01-15").getList("children");
        children.forEach(c -> scores.put((String) c.get("regionCode"), (BigDecimal) c.get("score")));
        assertThat(scores.get("320902")).isGreaterThan(scores.get("320903"));
        assertThat(scores.get("320903")).isGreaterThan(scores.get("320904"));
    }

    private static void meeting(String region, String type, String date) {
        as(TestTokens.ADMIN).body("{\"regionCode\":\"" + region + "\",\"type\":\"" + type + "\",\"date\":\"" + date
                + "\",\"title\":\"群团工作\",\"documentRef\":\"盐委常〔2025〕" + date.substring(5, 7) + "号\"}")
                .post("/api/v1/meetings").then().statusCode(201);
    }
}
