package luoshi.system;

import static luoshi.system.PublicApi.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import luoshi.testing.Concurrently;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue #27, "It must show", through the gateway's public API only: the snapshot job that the trends answer, run by an
 * admin for 淮安市 (320800, a city no other system test uses) on three days (its {@code asOf}: the started system runs
 * on the real clock), gives three points, and a fourth run on the third day takes none; two runs at once (as two
 * replicas would run it) keep one snapshot per region and day; every point equals the rollup and the evaluation asked
 * as of its day; a township is snapshotted when its trend is first asked for.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrendSystemTest {

    static final String CITY = "320800";
    static final List<String> COUNTIES = List.of("320803", "320804");
    static final String TOWNSHIP = "320803001";
    static final String ADMIN = TestTokens.token("admin", CITY);

    @BeforeAll
    static void regions() {
        LuoshiSystem.get();
        PublicApi.realRegions("320803", "320804", TOWNSHIP);
    }

    private static Map<String, Object> run(String asOf) {
        return as(ADMIN).post("/api/v1/snapshots/run?asOf=" + asOf + "&regionCode=" + CITY).then().statusCode(200)
                .extract().path("");
    }

    private static JsonPath get(String path) {
        return as(TestTokens.token("viewer", CITY)).get(path).then().statusCode(200).extract()
                .jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** The point {@code i} of {@code trend} says what the rollup and the evaluation of {@code region} say as of its day. */
    private static void assertPointIsTheRollupAndTheEvaluation(JsonPath trend, int i, String region) {
        String point = "points[" + i + "]";
        String day = trend.getString(point + ".date");
        int year = LocalDate.parse(day).getYear();
        JsonPath rollup = get("/api/v1/compliance/" + region + "/rollup?year=" + year + "&asOf=" + day);
        JsonPath evaluation = get("/api/v1/evaluation/" + region + "?year=" + year + "&asOf=" + day);
        assertThat(rollup.getList("incomplete")).isEmpty();
        assertThat(trend.getMap(point + ".counts")).as(region + " on " + day).isEqualTo(rollup.getMap("counts"));
        assertDecimal(trend.get(point + ".complianceRate"), rollup.get("complianceRate"));
        assertDecimal(trend.get(point + ".score"), evaluation.get("score"));
        for (String dimension : List.of("COMMON", "SPECIFIC", "PROGRESS", "SATISFACTION")) {
            assertDecimal(trend.get(point + ".dimensions." + dimension), evaluation.get("dimensions." + dimension));
        }
    }

    private static void assertDecimal(BigDecimal actual, BigDecimal expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isEqualByComparingTo(expected);
        }
    }

    @Test
    @Order(1)
    void threeDaysOfSnapshotsGiveThreePointsEqualToTheRollupAndEvaluationOfEachDay() {
        for (String day : List.of("2026-11-20", "2026-11-21", "2026-11-22")) {
            Map<String, Object> run = run(day);
            // 淮安市 and its two counties
            assertThat(run).containsEntry("taken", 3).containsEntry("incomplete", List.of());
        }
        assertThat(run("2026-11-22")).containsEntry("taken", 0);

        JsonPath city = get("/api/v1/compliance/" + CITY + "/trend?year=2026&from=2026-11-20&to=2026-11-22");
        assertThat(city.getList("points.date")).containsExactly("2026-11-20", "2026-11-21", "2026-11-22");
        for (int i = 0; i < 3; i++) {
            assertPointIsTheRollupAndTheEvaluation(city, i, CITY);
        }
        for (String county : COUNTIES) {
            JsonPath trend = get("/api/v1/compliance/" + county + "/trend?year=2026&from=2026-11-20&to=2026-11-22");
            assertThat(trend.getList("points")).hasSize(3);
            assertPointIsTheRollupAndTheEvaluation(trend, 2, county);
        }
    }

    @Test
    @Order(2)
    void twoRunsAtOnceKeepOneSnapshotPerRegionAndDay() {
        List<Map<String, Object>> runs = Concurrently.run(() -> run("2026-11-23"), () -> run("2026-11-23"));
        assertThat((Integer) runs.get(0).get("taken") + (Integer) runs.get(1).get("taken")).isEqualTo(3);
        for (String region : List.of(CITY, COUNTIES.get(0), COUNTIES.get(1))) {
            assertThat(get("/api/v1/compliance/" + region + "/trend?year=2026&from=2026-11-23&to=2026-11-23")
                    .getList("points.date")).containsExactly("2026-11-23");
        }
    }

    @Test
    @Order(3)
    void aTownshipIsSnapshottedWhenItsTrendIsFirstAskedFor() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonPath first = get("/api/v1/compliance/" + TOWNSHIP + "/trend");
        assertThat(first.getList("points.date")).containsExactly(today);
        assertThat(first.getList("incomplete")).isEmpty();
        assertPointIsTheRollupAndTheEvaluation(first, 0, TOWNSHIP);
        assertThat(get("/api/v1/compliance/" + TOWNSHIP + "/trend").getList("points")).hasSize(1);
        // from then on the job snapshots it with its city
        String tomorrow = LocalDate.parse(today).plusDays(1).toString();
        assertThat(run(tomorrow)).containsEntry("taken", 4);
    }
}
