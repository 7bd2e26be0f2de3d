package luoshi.review;

import static io.restassured.RestAssured.given;
import static luoshi.api.compliance.ComplianceStatus.COMPLIANT;
import static luoshi.api.compliance.ComplianceStatus.NON_COMPLIANT;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import luoshi.api.compliance.Dimension;
import luoshi.api.compliance.ServiceRollup;
import luoshi.api.compliance.ServiceRollup.ChildCounts;
import luoshi.api.compliance.StatusCounts;
import luoshi.api.compliance.Weights;
import luoshi.api.evaluation.SnapshotRun;
import luoshi.review.service.LocalOpenItems;
import luoshi.review.service.SnapshotJob;
import luoshi.testing.Concurrently;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The daily snapshots and the trends (API.md, "Evaluation and trends"; issue #27) on a fixed clock advanced a day at a
 * time, never by waiting: org-service's rollups are stubs (a test changes them between days), funding-service's count
 * nothing, and review-service's own are its engine's over the copy of the regions.
 */
@QuarkusTest
class TrendTest extends WithRegionsInCopy {

    @Inject
    SnapshotJob job;

    @Inject
    LocalOpenItems review;

    /** 10:30 in Beijing on {@code day}. */
    private static void today(LocalDate day) {
        AdjustableClock.set(day.atTime(2, 30).toInstant(java.time.ZoneOffset.UTC));
    }

    @AfterEach
    void systemTime() throws Exception {
        AdjustableClock.reset();
        sql.execute("DELETE FROM trend_region");
    }

    private static Weights weights(long compliant, long nonCompliant, long weight) {
        return Weights.of(COMPLIANT, compliant, BigDecimal.valueOf(weight), Dimension.COMMON)
                .plus(Weights.of(NON_COMPLIANT, nonCompliant, BigDecimal.valueOf(weight), Dimension.COMMON));
    }

    /** org-service's rollup of 绍兴市 on a day: 越城区 with {@code yuecheng} COMPLIANT items of weight 1, 柯桥区 one NON_COMPLIANT of weight 2. */
    private static ServiceRollup orgShaoxing(long yuecheng) {
        ChildCounts yc = new ChildCounts("330602", "越城区", new StatusCounts(yuecheng, 0, 0, 0, 0), weights(yuecheng, 0, 1));
        ChildCounts kq = new ChildCounts("330603", "柯桥区", new StatusCounts(0, 0, 1, 0, 0), weights(0, 1, 2));
        return new ServiceRollup("330600", "绍兴市", 2026, null, yc.counts().plus(kq.counts()), List.of(yc, kq), List.of(),
                List.of(), yc.weights().plus(kq.weights()));
    }

    private static JsonPath trend(String region, String query) {
        return given().auth().oauth2(ADMIN).get("/api/v1/compliance/" + region + "/trend" + query).then().statusCode(200)
                .extract().jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** What the point of {@code day} must say: review's own rollup of the subtree then, plus org's. */
    private void assertPoint(JsonPath trend, int i, String region, LocalDate day, StatusCounts org, Weights orgWeights) {
        ServiceRollup own = review.rollup(region, 2026, day);
        StatusCounts counts = own.counts().plus(org);
        assertThat(trend.getString("points[" + i + "].date")).isEqualTo(day.toString());
        assertThat(trend.getMap("points[" + i + "].counts")).isEqualTo(Map.of("COMPLIANT", (int) counts.compliant(),
                "PENDING", (int) counts.pending(), "NON_COMPLIANT", (int) counts.nonCompliant(), "NO_DATA",
                (int) counts.noData(), "NOT_APPLICABLE", (int) counts.notApplicable()));
        long counted = counts.compliant() + counts.pending() + counts.nonCompliant() + counts.noData();
        assertDecimal(trend.get("points[" + i + "].complianceRate"), counted == 0 ? null
                : BigDecimal.valueOf(counts.compliant()).divide(BigDecimal.valueOf(counted), 4, RoundingMode.HALF_UP));
        assertDecimal(trend.get("points[" + i + "].score"), score(own.weights().all().plus(orgWeights.all())));
        Weights.Sum common = own.weights().dimensions().getOrDefault(Dimension.COMMON, Weights.Sum.ZERO)
                .plus(orgWeights.dimensions().get(Dimension.COMMON));
        assertDecimal(trend.get("points[" + i + "].dimensions.COMMON"), score(common));
    }

    private static void assertDecimal(BigDecimal actual, BigDecimal expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isEqualByComparingTo(expected);
        }
    }

    /** 100 × Σ compliant ÷ Σ counted, one decimal; null when nothing counts (API.md), by hand. */
    private static BigDecimal score(Weights.Sum sum) {
        if (sum.counted().signum() == 0) {
            return null;
        }
        return sum.compliant().multiply(BigDecimal.valueOf(100)).divide(sum.counted(), 1, RoundingMode.HALF_UP);
    }

    @Test
    @RegionsInCopy({"330000", "330600", "330602", "330603"})
    void threeDaysOfSnapshotsGiveThreePointsAndAFourthRunOnTheSameDayAddsNone() throws Exception {
        OwnerStubs.emptyRollups();
        LocalDate first = LocalDate.of(2026, 11, 20);
        for (int d = 0; d < 3; d++) {
            today(first.plusDays(d));
            OwnerStubs.rollup(OwnerStubs.org(), orgShaoxing(2 + d));
            SnapshotRun run = job.run();
            // the country, 浙江省, 绍兴市 and its two districts
            assertThat(run.taken()).isEqualTo(5);
            assertThat(run.incomplete()).isEmpty();
        }
        SnapshotRun again = job.run();
        assertThat(again.taken()).isZero();
        assertThat(sql.count("SELECT COUNT(*) FROM compliance_snapshot WHERE region_code IN"
                + " ('000000', '330000', '330600', '330602', '330603') AND snapshot_date BETWEEN '2026-11-20' AND '2026-11-22'"))
                .isEqualTo(15);

        JsonPath shaoxing = trend("330600", "?year=2026");
        assertThat(shaoxing.getList("points.date")).containsExactly("2026-11-20", "2026-11-21", "2026-11-22");
        assertThat(shaoxing.getList("incomplete")).isEmpty();
        for (int d = 0; d < 3; d++) {
            ServiceRollup org = orgShaoxing(2 + d);
            assertPoint(shaoxing, d, "330600", first.plusDays(d), org.counts(), org.weights());
        }
        // a county's points come from its city's rollup, and equal its own subtree's
        JsonPath yuecheng = trend("330602", "");
        assertThat(yuecheng.getList("points")).hasSize(3);
        for (int d = 0; d < 3; d++) {
            ChildCounts org = orgShaoxing(2 + d).children().get(0);
            assertPoint(yuecheng, d, "330602", first.plusDays(d), org.counts(), org.weights());
        }
        // from and to bound the days, both included
        assertThat(trend("330600", "?year=2026&from=2026-11-21&to=2026-11-21").getList("points.date"))
                .containsExactly("2026-11-21");
        assertThat(trend("330600", "?from=2026-11-21").getList("points.date")).containsExactly("2026-11-21", "2026-11-22");
        assertThat(trend("330600", "?year=2025").getList("points")).isEmpty();
    }

    @Test
    @RegionsInCopy({"330000", "330700", "330702", "330703"})
    void twoReplicasRunningAtOnceKeepOneSnapshotPerRegionAndDay() throws Exception {
        OwnerStubs.emptyRollups();
        LocalDate day = LocalDate.of(2026, 11, 25);
        today(day);
        List<SnapshotRun> runs = Concurrently.run(() -> job.run(day, "330000"), () -> job.run(day, "330000"));
        // 浙江省, 金华市 and its two districts, each once whichever replica took it
        assertThat(runs.get(0).taken() + runs.get(1).taken()).isEqualTo(4);
        assertThat(runs).allSatisfy(run -> assertThat(run.incomplete()).isEmpty());
        assertThat(sql.count("SELECT COUNT(*) FROM compliance_snapshot WHERE region_code LIKE '33%' AND snapshot_date = '2026-11-25'"))
                .isEqualTo(4);
        assertThat(sql.count("SELECT COUNT(*) FROM compliance_snapshot WHERE region_code = '330702'")).isEqualTo(1);
        assertThat(Concurrently.run(() -> job.run(day, "330000"), () -> job.run(day, "330000"))).allSatisfy(run -> assertThat(run.taken()).isZero());
        assertThat(trend("330702", "").getList("points.date")).containsExactly("2026-11-25");
    }

    @Test
    @RegionsInCopy({"330100", "330102", "330102001"})
    void aTownshipIsSnapshottedOnDemandAndByTheDailyJobFromThen() throws Exception {
        OwnerStubs.emptyRollups();
        LocalDate day = LocalDate.of(2026, 11, 26);
        today(day);
        JsonPath first = trend("330102001", "");
        assertThat(first.getList("points.date")).containsExactly("2026-11-26");
        assertPoint(first, 0, "330102001", day, StatusCounts.ZERO, Weights.ZERO);
        assertThat(sql.count("SELECT COUNT(*) FROM trend_region WHERE region_code = '330102001'")).isEqualTo(1);
        // asked again the same day: the point kept, nothing more taken
        assertThat(trend("330102001", "").getList("points")).hasSize(1);

        today(day.plusDays(1));
        // the country, 杭州市, 上城区 and the township asked for
        assertThat(job.run().taken()).isEqualTo(4);
        assertThat(trend("330102001", "").getList("points.date")).containsExactly("2026-11-26", "2026-11-27");
    }

    @Test
    @RegionsInCopy({"330800", "330802"})
    void theRunIsAnAdminsWithAnIdempotencyKeyAndTheTrendAReadersOfTheSubtree() throws Exception {
        OwnerStubs.emptyRollups();
        today(LocalDate.of(2026, 11, 28));
        String key = "snapshot-run-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.token("admin", "330800")).header("Idempotency-Key", key)
                .post("/api/v1/snapshots/run?asOf=2026-11-27&regionCode=330800").then().statusCode(200)
                .body("taken", is(2)).body("incomplete", empty());
        given().auth().oauth2(TestTokens.token("admin", "330800")).header("Idempotency-Key", key)
                .post("/api/v1/snapshots/run?asOf=2026-11-27&regionCode=330800").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("taken", is(2));
        given().auth().oauth2(TestTokens.token("admin", "330800")).post("/api/v1/snapshots/run?asOf=2026-11-27").then()
                .statusCode(200).body("taken", is(0));
        given().auth().oauth2(TestTokens.token("operator", "330800")).post("/api/v1/snapshots/run").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("admin", "330800")).post("/api/v1/snapshots/run?regionCode=330700").then()
                .statusCode(403);
        // the run of 11-27; nothing taken on demand today: the county was snapshotted this year already
        given().auth().oauth2(TestTokens.token("viewer", "330802")).get("/api/v1/compliance/330802/trend").then()
                .statusCode(200).body("regionCode", is("330802")).body("year", is(2026))
                .body("points.date", contains("2026-11-27"));
        given().auth().oauth2(TestTokens.token("viewer", "330802")).get("/api/v1/compliance/330800/trend").then()
                .statusCode(403);
    }

    @Test
    @RegionsInCopy({"330900", "330902"})
    void badInputIsA400NamingTheFieldAndKeepsNothing() throws Exception {
        given().auth().oauth2(ADMIN).get("/api/v1/compliance/330902/trend?from=2026-02-30").then().statusCode(400)
                .body("violations.field", contains("from"));
        given().auth().oauth2(ADMIN).get("/api/v1/compliance/330902/trend?to=yesterday").then().statusCode(400)
                .body("violations.field", contains("to"));
        given().auth().oauth2(ADMIN).get("/api/v1/compliance/330902/trend?from=2026-11-22&to=2026-11-21").then()
                .statusCode(400).body("violations.field", contains("to"));
        given().auth().oauth2(ADMIN).get("/api/v1/compliance/330902/trend?year=1800").then().statusCode(400)
                .body("violations.field", contains("year"));
        given().auth().oauth2(ADMIN).get("/api/v1/compliance/3309x/trend").then().statusCode(400)
                .body("violations.field", contains("regionCode"));
        given().auth().oauth2(ADMIN).post("/api/v1/snapshots/run?asOf=2026-13-01").then().statusCode(400)
                .body("violations.field", contains("asOf"));
        given().auth().oauth2(ADMIN).get("/api/v1/compliance/330999/trend").then().statusCode(404);
        assertThat(sql.count("SELECT COUNT(*) FROM compliance_snapshot WHERE region_code LIKE '3309%'")).isZero();
        assertThat(sql.count("SELECT COUNT(*) FROM trend_region")).isZero();
    }
}
