package luoshi.review;

import static luoshi.testing.TestTokens.ADMIN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.api.compliance.ComplianceStatus.NON_COMPLIANT;
import static luoshi.api.compliance.ComplianceStatus.PENDING;
import static luoshi.review.OwnerStubs.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.compliance.ItemOwner;
import org.junit.jupiter.api.Test;

/** The reminder job with fixed dates (REQUIREMENTS.md, Reminders), against stubs of the owners. */
@QuarkusTest
class ReminderJobTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    private static int run(LocalDate asOf) {
        return given().auth().oauth2(ADMIN).post("/api/v1/reminders/run?asOf=" + asOf).then().statusCode(200)
                .body("incomplete", empty()).extract().path("created");
    }

    @Test
    void onlyTheNearestStageReachedIsCreated() {
        OwnerStubs.answer(List.of(
                item("TOWNSHIP_YOUTH_LEAGUE_FUNDING", "330102001", "清波街道", AS_OF.plusDays(5), PENDING),
                item("TOWNSHIP_YOUTH_LEAGUE_FUNDING", "330102002", "湖滨街道", AS_OF.plusDays(30), PENDING),
                item("TOWNSHIP_YOUTH_LEAGUE_FUNDING", "330102003", "小营街道", AS_OF.plusDays(31), PENDING),
                item("TOWNSHIP_YOUTH_LEAGUE_FUNDING", "330102004", "南星街道", AS_OF.plusDays(91), PENDING)));

        assertThat(run(AS_OF)).isEqualTo(3);

        given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=330102").then().statusCode(200)
                .body("total", is(3))
                .body("items.regionCode", containsInAnyOrder("330102001", "330102002", "330102003"))
                .body("items.find { it.regionCode == '330102001' }.daysBefore", is(7))
                .body("items.find { it.regionCode == '330102002' }.daysBefore", is(30))
                .body("items.find { it.regionCode == '330102003' }.daysBefore", is(90))
                .body("items.stage", contains("UPCOMING", "UPCOMING", "UPCOMING"))
                .body("items.find { it.regionCode == '330102001' }.dueDate", is("2026-12-06"))
                .body("items.find { it.regionCode == '330102001' }.regionName", is("清波街道"));
        Instant createdAt = Instant.parse(given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=330102001").then()
                .extract().<String>path("items[0].createdAt"));
        assertThat(Duration.between(createdAt, Instant.now()).abs()).isLessThan(Duration.ofMinutes(5));
    }

    /** A run asked with an Idempotency-Key (as a generated client sends one) runs, and its retry is the same answer. */
    @Test
    void aRunAskedWithAnIdempotencyKeyRunsOnceAndIsReplayed() {
        OwnerStubs.answer(List.of(item("TOWNSHIP_YOUTH_LEAGUE_FUNDING", "330103001", "武林街道", AS_OF.plusDays(5), PENDING)));
        String key = "reminder-run-" + java.util.UUID.randomUUID();
        given().auth().oauth2(ADMIN).header("Idempotency-Key", key).post("/api/v1/reminders/run?asOf=" + AS_OF).then()
                .statusCode(200).body("created", is(1));
        given().auth().oauth2(ADMIN).header("Idempotency-Key", key).post("/api/v1/reminders/run?asOf=" + AS_OF).then()
                .statusCode(200).header("Idempotent-Replayed", "true").body("created", is(1));
        given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=330103001").then().body("total", is(1));
    }

    @Test
    void theSecondRunCreatesNothingAndAStageIsNeverRepeated() {
        List<luoshi.api.compliance.OpenItem> items = List.of(
                item("REGULAR_REPORT_HEARING", "330202", "海曙区", AS_OF.plusDays(20), PENDING),
                item("JOINT_MEETING", "330203", "江北区", AS_OF.plusDays(3), PENDING));
        OwnerStubs.answer(items);
        assertThat(run(AS_OF)).isEqualTo(2);
        assertThat(run(AS_OF)).isZero();
        // a day later the same items are still in the same stages
        assertThat(run(AS_OF.plusDays(1))).isZero();
        // 13 days later the hearing reaches its 7-day stage and the joint meeting is overdue
        OwnerStubs.answer(List.of(
                item("REGULAR_REPORT_HEARING", "330202", "海曙区", AS_OF.plusDays(20), PENDING),
                item("JOINT_MEETING", "330203", "江北区", AS_OF.plusDays(3), NON_COMPLIANT)));
        assertThat(run(AS_OF.plusDays(13))).isEqualTo(2);
        assertThat(run(AS_OF.plusDays(13))).isZero();
        given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=330200&requirementId=REGULAR_REPORT_HEARING").then()
                .body("total", is(2)).body("items.daysBefore", containsInAnyOrder(30, 7));
        given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=330203").then()
                .body("total", is(2)).body("items.stage", containsInAnyOrder("UPCOMING", "OVERDUE"));
    }

    @Test
    void aPeriodThatBecameCompliantCreatesNothing() {
        OwnerStubs.answer(List.of(item("ANNUAL_COMMITTEE_STUDY", "330302", "鹿城区", AS_OF.plusDays(25), PENDING)));
        assertThat(run(AS_OF)).isEqualTo(1);
        // the meeting was held: the owner no longer lists the item when its 7-day stage comes
        OwnerStubs.answer(List.of());
        assertThat(run(AS_OF.plusDays(20))).isZero();
        given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=330302").then().body("total", is(1))
                .body("items[0].daysBefore", is(30));
    }

    @Test
    void overdueOnlyForDueDatesInsideTheWindow() {
        OwnerStubs.answer(List.of(
                item("JOINT_MEETING", "330402", "南湖区", AS_OF.minusDays(1), NON_COMPLIANT),
                item("JOINT_MEETING", "330411", "秀洲区", AS_OF.minusDays(365), NON_COMPLIANT),
                item("JOINT_MEETING", "330421", "嘉善县", AS_OF.minusDays(366), NON_COMPLIANT)));
        assertThat(run(AS_OF)).isEqualTo(2);
        given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=330400&stage=OVERDUE").then().body("total", is(2))
                .body("items.regionCode", containsInAnyOrder("330402", "330411"))
                .body("items[0].daysBefore", nullValue()).body("items[0].stage", is("OVERDUE"));
        given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=330400&stage=UPCOMING").then().body("total", is(0));
        assertThat(run(AS_OF.plusDays(1))).isZero();   // OVERDUE once
    }

    /**
     * API.md, "Follow-up list and readable answers": reminders filtered by the year of their period and the item's status.
     * In 无锡市, which no other test of this module writes reminders in (the tests share one database).
     */
    @Test
    void remindersAreFilteredByYearAndByTheStatusOfTheirItem() {
        OwnerStubs.answer(List.of(
                item("JOINT_MEETING", "320205", "锡山区", AS_OF.minusDays(1), NON_COMPLIANT),           // 2026's
                item("JOINT_MEETING", "320206", "惠山区", AS_OF.minusDays(360), NON_COMPLIANT),         // 2025's
                item("ANNUAL_COMMITTEE_STUDY", "320211", "滨湖区", AS_OF.plusDays(20), PENDING)));      // 2026's
        assertThat(run(AS_OF)).isEqualTo(3);
        String list = "/api/v1/reminders?regionCode=320200";
        given().auth().oauth2(ADMIN).get(list + "&year=2025").then().statusCode(200).body("total", is(1))
                .body("items.regionCode", contains("320206"));
        given().auth().oauth2(ADMIN).get(list + "&year=2026").then().statusCode(200).body("total", is(2))
                .body("items.regionCode", containsInAnyOrder("320205", "320211"));
        given().auth().oauth2(ADMIN).get(list + "&status=NON_COMPLIANT").then().statusCode(200).body("total", is(2))
                .body("items.stage", contains("OVERDUE", "OVERDUE"));
        given().auth().oauth2(ADMIN).get(list + "&status=PENDING&year=2026").then().statusCode(200).body("total", is(1))
                .body("items.regionCode", contains("320211")).body("items[0].stage", is("UPCOMING"));
        given().auth().oauth2(ADMIN).get(list + "&status=NON_COMPLIANT&year=2026").then().body("total", is(1))
                .body("items.regionCode", contains("320205"));
        // no reminder is sent for another status, nor an OVERDUE one for a PENDING item
        given().auth().oauth2(ADMIN).get(list + "&status=COMPLIANT").then().statusCode(200).body("total", is(0));
        given().auth().oauth2(ADMIN).get(list + "&status=PENDING&stage=OVERDUE").then().statusCode(200).body("total", is(0));
        given().auth().oauth2(ADMIN).get(list + "&status=LATE").then().statusCode(400).body("violations[0].field", is("status"));
        given().auth().oauth2(ADMIN).get(list + "&year=3000").then().statusCode(400).body("violations[0].field", is("year"));
    }

    /**
     * Issue #29: the job writes an owner's items as they arrive, a thousand at a time, and never holds the country's. An
     * owner whose answer breaks off half way leaves the run incomplete with the parts before the break written (here the
     * first thousand of the 1,200 it sent; the 200 after them were no whole part); the next run writes the rest, and
     * nothing twice. Every tenth item is NON_COMPLIANT: its rectification is opened with its part.
     */
    @Test
    void anOwnerThatBreaksOffHalfWayKeepsThePartsItSentAndTheNextRunWritesTheRest() {
        List<luoshi.api.compliance.OpenItem> items = java.util.stream.IntStream.range(0, 1_500)
                .mapToObj(i -> item("PARTS_OF_A_RUN", String.format("3399%02d%03d", 1 + i / 999, 1 + i % 999), "街道 " + i,
                        AS_OF.plusDays(5), i % 10 == 0 ? NON_COMPLIANT : PENDING)).toList();
        OwnerStubs.reset();
        OwnerStubs.org().register(get(urlPathEqualTo(OwnerStubs.OPEN_ITEMS)).willReturn(OwnerStubs.brokenOff(items, 1_200)));
        OwnerStubs.funding().register(get(urlPathEqualTo(OwnerStubs.OPEN_ITEMS)).willReturn(OwnerStubs.page(List.of(), 0, 500, 0)));
        String reminders = "/api/v1/reminders?regionCode=000000&requirementId=PARTS_OF_A_RUN&size=1";

        given().auth().oauth2(ADMIN).post("/api/v1/reminders/run?asOf=" + AS_OF).then().statusCode(200)
                .body("created", is(1_000)).body("rectificationsOpened", is(100)).body("incomplete", contains("org"));
        given().auth().oauth2(ADMIN).get(reminders).then().body("total", is(1_000));

        OwnerStubs.answer(items);
        given().auth().oauth2(ADMIN).post("/api/v1/reminders/run?asOf=" + AS_OF).then().statusCode(200)
                .body("created", is(500)).body("rectificationsOpened", is(50)).body("incomplete", empty());
        given().auth().oauth2(ADMIN).get(reminders).then().body("total", is(1_500));
        given().auth().oauth2(ADMIN).post("/api/v1/reminders/run?asOf=" + AS_OF).then().statusCode(200)
                .body("created", is(0)).body("rectificationsOpened", is(0));
        given().auth().oauth2(ADMIN).get(reminders + "&page=1499").then().body("total", is(1_500))
                .body("items[0].requirementId", is("PARTS_OF_A_RUN")).body("items[0].daysBefore", is(7));
    }

    @Test
    void theOwnersAreAskedOnceForTheWindowOfDueDates() {
        OwnerStubs.answer(List.of(item("JOINT_MEETING", "330502", "吴兴区", AS_OF.plusDays(2), PENDING)));
        assertThat(run(AS_OF)).isEqualTo(1);
        for (var owner : List.of(OwnerStubs.org(), OwnerStubs.funding())) {
            owner.verifyThat(1, getRequestedFor(urlPathEqualTo(OwnerStubs.OPEN_ITEMS))
                    .withQueryParam("asOf", OwnerStubs.is("2026-12-01"))
                    .withQueryParam("dueFrom", OwnerStubs.is("2025-12-01"))
                    .withQueryParam("dueTo", OwnerStubs.is("2027-03-01"))
                    .withQueryParam("page", OwnerStubs.is("0")));
        }
    }

    @Test
    void anOwnerThatDoesNotAnswerIsReportedAndTheOthersAreReminded() {
        OwnerStubs.reset();
        OwnerStubs.org().register(get(urlPathEqualTo(OwnerStubs.OPEN_ITEMS)).willReturn(aResponse().withStatus(503)));
        OwnerStubs.funding().register(get(urlPathEqualTo(OwnerStubs.OPEN_ITEMS)).willReturn(OwnerStubs.page(
                List.of(item("UNION_FEES_FULL_COLLECTION", "330602", "越城区", AS_OF.plusDays(7), PENDING)), 0, 500, 1)));
        given().auth().oauth2(ADMIN).post("/api/v1/reminders/run?asOf=" + AS_OF).then().statusCode(200)
                .body("created", is(1)).body("incomplete", contains("org"));
        given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=330602&requirementId=UNION_FEES_FULL_COLLECTION").then()
                .body("total", is(1)).body("items[0].daysBefore", is(7));
    }

    @Test
    void aReminderKeepsTheOwnerInForceWhenItWasCreated() {
        // #17: the owner set on 衢州市 holds for 柯城区; 衢江区 has none
        ItemOwner city = new ItemOwner("衢州市妇联", "王芳 0570-3021234", "330800");
        OwnerStubs.answer(List.of(
                item("JOINT_MEETING", "330802", "柯城区", AS_OF.plusDays(20), PENDING, city),
                item("JOINT_MEETING", "330803", "衢江区", AS_OF.plusDays(20), PENDING)));
        assertThat(run(AS_OF)).isEqualTo(2);
        given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=330800").then().statusCode(200)
                .body("total", is(2)).body("items.regionCode", containsInAnyOrder("330802", "330803"))
                .body("items.find { it.regionCode == '330802' }.owner.unit", is("衢州市妇联"))
                .body("items.find { it.regionCode == '330802' }.owner.contact", is("王芳 0570-3021234"))
                .body("items.find { it.regionCode == '330802' }.owner.regionCode", is("330800"))
                .body("items.find { it.regionCode == '330803' }", not(hasKey("owner")));

        // 柯城区 sets its own owner later: the 30-day reminder keeps the city's, the 7-day one is addressed to the district
        ItemOwner district = new ItemOwner("柯城区妇联", null, "330802");
        OwnerStubs.answer(List.of(
                item("JOINT_MEETING", "330802", "柯城区", AS_OF.plusDays(20), PENDING, district),
                item("JOINT_MEETING", "330803", "衢江区", AS_OF.plusDays(20), PENDING)));
        assertThat(run(AS_OF.plusDays(1))).isZero();
        assertThat(run(AS_OF.plusDays(13))).isEqualTo(2);
        given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=330802").then().statusCode(200)
                .body("total", is(2))
                .body("items.find { it.daysBefore == 30 }.owner.unit", is("衢州市妇联"))
                .body("items.find { it.daysBefore == 30 }.owner.regionCode", is("330800"))
                .body("items.find { it.daysBefore == 7 }.owner.unit", is("柯城区妇联"))
                .body("items.find { it.daysBefore == 7 }.owner.contact", nullValue())
                .body("items.find { it.daysBefore == 7 }.owner.regionCode", is("330802"));
        given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=330803").then().statusCode(200)
                .body("total", is(2)).body("items", everyItem(not(hasKey("owner"))));
    }

    @Test
    void aBadStageOrRegionFilterIsA400() {
        given().auth().oauth2(ADMIN).get("/api/v1/reminders?stage=SOON").then().statusCode(400)
                .body("violations.field", contains("stage"));
        given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=33").then().statusCode(400)
                .body("violations.field", contains("regionCode"));
        given().auth().oauth2(ADMIN).post("/api/v1/reminders/run?asOf=2026-02-30").then().statusCode(400)
                .body("violations.field", contains("asOf"));
    }
}
