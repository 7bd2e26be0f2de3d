package luoshi.review;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.api.compliance.ComplianceStatus.PENDING;
import static luoshi.review.OwnerStubs.item;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import luoshi.api.review.ReminderRun;
import luoshi.review.service.ReminderJob;
import luoshi.testing.TestTokens;
import luoshi.audit.DataVersion;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 in review-service: 401 without a good token, the role and the region subtree on every
 * endpoint (403 and nothing written), lists narrowed to the caller's subtree, and the audit trail.
 * Regions: Hainan 460000 (海口市 460100: 秀英区 460105, 龙华区 460106; 三亚市 460200: 海棠区 460202),
 * Guangdong 440000 and Guangxi 450000 for the reminder runs, Guizhou 520000: used by no other test.
 */
@QuarkusTest
class SecurityTest extends WithRegionsInCopy {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DataVersion dataVersion;

    @Inject
    ReminderJob job;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static String meeting(String region) {
        return "{\"regionCode\":\"" + region + "\",\"type\":\"JOINT_MEETING\",\"date\":\"2025-06-01\",\"title\":\"联席会议\"}";
    }

    private static String webhook(String region) {
        return "{\"url\":\"http://127.0.0.1:9/hook\",\"regionCode\":\"" + region + "\"}";
    }

    /** The newest events of the trail, as an admin of the country reads them. */
    private static JsonPath audit() {
        return as(ADMIN).get("/internal/v1/audit?limit=50").then().statusCode(200).extract().jsonPath();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
            if (!statement.contains("audit_event")) {
                dataVersion.advance();   // a change made past the services: answers kept by version must see it
            }
        }
    }

    @Test
    void noTokenOrABadOneIsA401() {
        for (String path : List.of("/api/v1/meetings", "/api/v1/reminders", "/api/v1/webhooks",
                "/internal/v1/compliance/requirements")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer");
            for (String bad : List.of(TestTokens.expired("admin", "000000"), TestTokens.tampered("viewer", "460100"),
                    TestTokens.foreign("admin", "000000"))) {
                as(bad).get(path).then().statusCode(401);
            }
        }
        given().contentType(ContentType.JSON).body(meeting("460105")).post("/api/v1/meetings").then().statusCode(401);
    }

    @Test
    @RegionsInCopy("460106")
    void aViewerWritesNothingAndAnOperatorNothingOutsideItsSubtree() throws Exception {
        String rows = "SELECT (SELECT COUNT(*) FROM meeting) + (SELECT COUNT(*) FROM committee_term)"
                + " + (SELECT COUNT(*) FROM committee_document) + (SELECT COUNT(*) FROM audit_event)";
        long before = count(rows);
        as(TestTokens.token("viewer", "460100")).contentType(ContentType.JSON).body(meeting("460105"))
                .post("/api/v1/meetings").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("operator"));
        String sanya = TestTokens.token("operator", "460200");
        as(sanya).contentType(ContentType.JSON).body(meeting("460105"))
                .post("/api/v1/meetings").then().statusCode(403).body("detail", containsString("460105"));
        as(sanya).contentType(ContentType.JSON).body("{\"regionCode\":\"460100\",\"start\":\"2021-10-01\",\"end\":\"2026-09-30\"}")
                .post("/api/v1/committee-terms").then().statusCode(403);
        // above its own region: the province's plan is not a Sanya operator's to file
        as(sanya).contentType(ContentType.JSON).body("{\"regionCode\":\"460000\",\"type\":\"IMPLEMENTATION_PLAN\","
                + "\"date\":\"2015-11-20\",\"title\":\"实施意见\"}").post("/api/v1/documents").then().statusCode(403);
        assertThat(count(rows)).isEqualTo(before);   // no row, and no audit event for a refusal
        // another region's meeting is not an operator's to delete
        String id = as(ADMIN).contentType(ContentType.JSON).body(meeting("460106")).post("/api/v1/meetings")
                .then().statusCode(201).extract().path("id");
        long withIt = count(rows);
        as(sanya).delete("/api/v1/meetings/" + id).then().statusCode(403);
        as(TestTokens.token("viewer", "460100")).delete("/api/v1/meetings/" + id).then().statusCode(403);
        assertThat(count(rows)).isEqualTo(withIt);
        as(ADMIN).delete("/api/v1/meetings/" + id).then().statusCode(204);
    }

    @Test
    @RegionsInCopy({"460100", "460106"})
    void anOperatorsWritesAreAuditedWithItsSubject() {
        String haikou = TestTokens.token("operator", "460100", "li.si@460100");
        String id = as(haikou).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"460106\",\"type\":\"REPORT_HEARING\",\"date\":\"2025-05-06\",\"title\":\"听取群团工作汇报\","
                        + "\"documentRef\":\"龙委常〔2025〕5号\"}")
                .post("/api/v1/meetings").then().statusCode(201).extract().path("id");
        String created = "items.find { it.entityId == '" + id + "' && it.action == 'CREATE' }";
        JsonPath trail = audit();
        assertThat(trail.getString(created + ".actor")).isEqualTo("li.si@460100");
        assertThat(trail.getString(created + ".entity")).isEqualTo("meeting");
        assertThat(trail.getString(created + ".regionCode")).isEqualTo("460106");
        assertThat(trail.getString(created + ".service")).isEqualTo("review");
        assertThat(trail.getString(created + ".change.after.documentRef")).isEqualTo("龙委常〔2025〕5号");
        assertThat(trail.getString(created + ".change.before")).isNull();

        as(haikou).delete("/api/v1/meetings/" + id).then().statusCode(204);
        String deleted = "items.find { it.entityId == '" + id + "' && it.action == 'DELETE' }";
        trail = audit();
        assertThat(trail.getString(deleted + ".actor")).isEqualTo("li.si@460100");
        assertThat(trail.getString(deleted + ".change.before.title")).isEqualTo("听取群团工作汇报");
        assertThat(trail.getString(deleted + ".change.after")).isNull();

        String term = as(haikou).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"460100\",\"start\":\"2021-10-01\",\"end\":\"2026-09-30\"}")
                .post("/api/v1/committee-terms").then().statusCode(201).extract().path("id");
        assertThat(audit().getString("items.find { it.entityId == '" + term + "' }.entity")).isEqualTo("committee-term");
        String document = as(haikou).contentType(ContentType.JSON).body("{\"regionCode\":\"460100\",\"type\":\"IMPLEMENTATION_PLAN\","
                + "\"date\":\"2015-11-20\",\"title\":\"实施意见\"}").post("/api/v1/documents").then().statusCode(201).extract().path("id");
        assertThat(audit().getString("items.find { it.entityId == '" + document + "' }.change.after.title")).isEqualTo("实施意见");
    }

    @Test
    @RegionsInCopy({"460105", "460202"})
    void aListWithoutRegionIsNarrowedToTheCallersSubtreeAndAnotherRegionIsRefused() {
        as(ADMIN).contentType(ContentType.JSON).body(meeting("460202")).post("/api/v1/meetings").then().statusCode(201);
        as(ADMIN).contentType(ContentType.JSON).body(meeting("460105")).post("/api/v1/meetings").then().statusCode(201);
        String sanya = TestTokens.token("viewer", "460200");
        as(sanya).get("/api/v1/meetings?size=500").then().statusCode(200)
                .body("total", is(1)).body("items.regionCode", everyItem(is("460202")));
        as(sanya).get("/api/v1/meetings?regionCode=460202").then().statusCode(200).body("total", is(1));
        as(sanya).get("/api/v1/meetings?regionCode=460105").then().statusCode(403);
        as(sanya).get("/api/v1/committee-terms?regionCode=460100").then().statusCode(403);
        as(sanya).get("/api/v1/documents?regionCode=460000").then().statusCode(403);
        as(sanya).get("/api/v1/reminders?regionCode=000000").then().statusCode(403);
        as(sanya).get("/api/v1/committee-terms").then().statusCode(200)
                .body("items.regionCode", everyItem(startsWith("4602")));
        // the country's admin sees both
        as(ADMIN).get("/api/v1/meetings?size=500").then().body("items.regionCode", hasItem("460105"))
                .body("items.regionCode", hasItem("460202"));
    }

    @Test
    void remindersRunsAndListsAreAnAdminsOwnSubtree() throws Exception {
        OwnerStubs.answer(List.of(
                item("JOINT_MEETING", "440106", "天河区", AS_OF.plusDays(5), PENDING),
                item("JOINT_MEETING", "440300", "深圳市", AS_OF.plusDays(20), PENDING),
                item("JOINT_MEETING", "450100", "南宁市", AS_OF.plusDays(5), PENDING)));
        String guangdong = TestTokens.token("admin", "440000", "wang.wu@440000");
        as(TestTokens.token("operator", "440000")).post("/api/v1/reminders/run?asOf=" + AS_OF).then().statusCode(403);
        as(guangdong).post("/api/v1/reminders/run?asOf=" + AS_OF + "&regionCode=000000").then().statusCode(403);
        as(guangdong).post("/api/v1/reminders/run?asOf=" + AS_OF + "&regionCode=450000").then().statusCode(403);

        // without regionCode: the caller's subtree; the owners are still read in bulk, with the service's token
        as(guangdong).post("/api/v1/reminders/run?asOf=" + AS_OF).then().statusCode(200).body("created", is(2));
        as(ADMIN).get("/api/v1/reminders?regionCode=450000").then().body("total", is(0));
        for (var owner : List.of(OwnerStubs.org(), OwnerStubs.funding())) {
            List<LoggedRequest> calls = owner.find(getRequestedFor(urlPathEqualTo(OwnerStubs.OPEN_ITEMS)));
            assertThat(calls).hasSize(1).allSatisfy(call -> {
                String authorization = call.getHeader("Authorization");
                assertThat(authorization).matches("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+");
                assertThat(claims(authorization)).contains("\"groups\":[\"service\"]", "\"region\":\"000000\"");
            });
        }
        JsonPath run = audit();
        String newest = "items.find { it.entity == 'reminder-run' }";
        assertThat(run.getString(newest + ".actor")).isEqualTo("wang.wu@440000");
        assertThat(run.getString(newest + ".action")).isEqualTo("RUN");
        assertThat(run.getString(newest + ".regionCode")).isEqualTo("440000");
        assertThat(run.getMap(newest + ".change.after")).isEqualTo(Map.of("asOf", "2026-12-01", "created", 2));

        // a viewer of Guangxi reads Guangxi's reminders only; the list defaults to its own region
        String guangxi = TestTokens.token("viewer", "450000");
        as(guangxi).get("/api/v1/reminders").then().statusCode(200).body("total", is(0));
        as(guangxi).get("/api/v1/reminders?regionCode=440000").then().statusCode(403);
        as(guangdong).get("/api/v1/reminders").then().body("total", is(2))
                .body("items.regionCode", everyItem(startsWith("44")));

        // the scheduled run covers the country, and no caller made it: the actor is "system" (run as the
        // scheduler runs it: on a thread of its own, with a request context but no token)
        ReminderRun scheduled = CompletableFuture.supplyAsync(() -> {
            ManagedContext context = Arc.container().requestContext();
            context.activate();
            try {
                return job.run(AS_OF);
            } finally {
                context.terminate();
            }
        }).get();
        assertThat(scheduled.created()).isEqualTo(1);
        assertThat(audit().getString(newest + ".actor")).isEqualTo("system");
        assertThat(audit().getString(newest + ".regionCode")).isEqualTo("000000");
        as(guangxi).get("/api/v1/reminders").then().body("total", is(1)).body("items[0].regionCode", is("450100"));
    }

    @Test
    @RegionsInCopy({"460100", "520000"})
    void webhooksAreAnAdminsOwnSubtreeAndTheirSecretIsNeverAudited() {
        String hainan = TestTokens.token("admin", "460000", "zhao.liu@460000");
        as(TestTokens.token("operator", "460000")).contentType(ContentType.JSON).body(webhook("460100"))
                .post("/api/v1/webhooks").then().statusCode(403);
        as(TestTokens.token("operator", "460000")).get("/api/v1/webhooks").then().statusCode(403);
        as(hainan).contentType(ContentType.JSON).body(webhook("520000")).post("/api/v1/webhooks").then().statusCode(403);
        as(hainan).contentType(ContentType.JSON).body(webhook("000000")).post("/api/v1/webhooks").then().statusCode(403);

        var created = as(hainan).contentType(ContentType.JSON).body(webhook("460100")).post("/api/v1/webhooks")
                .then().statusCode(201).extract();
        String own = created.path("id");
        String secret = created.path("secret");
        String guizhou = as(ADMIN).contentType(ContentType.JSON).body(webhook("520000")).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        try {
            as(hainan).get("/api/v1/webhooks?size=500").then().statusCode(200)
                    .body("items.id", hasItem(own)).body("items.id", not(hasItem(guizhou)))
                    .body("items.regionCode", everyItem(startsWith("46")));
            as(hainan).get("/api/v1/webhooks/" + guizhou + "/deliveries").then().statusCode(403);
            as(hainan).delete("/api/v1/webhooks/" + guizhou).then().statusCode(403);
            as(hainan).get("/api/v1/webhooks/" + own + "/deliveries").then().statusCode(200);

            String event = "items.find { it.entityId == '" + own + "' && it.action == 'CREATE' }";
            var trail = as(ADMIN).get("/internal/v1/audit?limit=50").then().statusCode(200)
                    .body(not(containsString(secret.substring("whsec_".length())))).extract().jsonPath();
            assertThat(trail.getString(event + ".actor")).isEqualTo("zhao.liu@460000");
            assertThat(trail.getString(event + ".entity")).isEqualTo("webhook");
            assertThat(trail.getString(event + ".regionCode")).isEqualTo("460100");
            assertThat(trail.getString(event + ".change.after.url")).isEqualTo("http://127.0.0.1:9/hook");
            assertThat(trail.getMap(event + ".change.after")).doesNotContainKey("secret");

            as(hainan).delete("/api/v1/webhooks/" + own).then().statusCode(204);
            assertThat(audit().getString("items.find { it.entityId == '" + own + "' && it.action == 'DELETE' }.actor"))
                    .isEqualTo("zhao.liu@460000");
        } finally {
            as(ADMIN).delete("/api/v1/webhooks/" + guizhou).then().statusCode(204);
            as(ADMIN).delete("/api/v1/webhooks/" + own);
        }
    }

    @Test
    void theInternalEndpointsCheckTheReaderAndOpenItemsAreForServicesOnly() throws Exception {
        sql("INSERT INTO region (code, name, level, parent_code, version) VALUES ('460000','海南省','PROVINCE',NULL,9001),"
                + "('460100','海口市','CITY','460000',9002)");
        try {
            String path = "/internal/v1/compliance/regions/460100?year=2025&asOf=2026-01-15";
            as(TestTokens.token("viewer", "460100")).get(path).then().statusCode(200).body("regionName", is("海口市"));
            as(TestTokens.service()).get(path).then().statusCode(200);
            as(TestTokens.token("viewer", "460200")).get(path).then().statusCode(403);
            as(TestTokens.token("viewer", "460000")).get("/internal/v1/compliance/regions/460000/rollup?year=2025")
                    .then().statusCode(200);
            as(TestTokens.token("viewer", "460000")).get("/internal/v1/compliance/regions/000000/rollup?year=2025")
                    .then().statusCode(403);
            as(TestTokens.token("viewer", "460200")).get("/internal/v1/compliance/requirements").then().statusCode(200)
                    .body("items.id", hasItem("JOINT_MEETING"));
            String openItems = "/internal/v1/compliance/open-items?dueFrom=2025-01-01&dueTo=2025-12-31";
            as(ADMIN).get(openItems).then().statusCode(403);
            as(TestTokens.service()).get(openItems).then().statusCode(200);
        } finally {
            sql("DELETE FROM region WHERE code LIKE '46%'");
        }
    }

    @Test
    @RegionsInCopy("520102")
    void theAuditTrailIsAppendOnly() throws Exception {
        as(ADMIN).contentType(ContentType.JSON).body(meeting("520102")).post("/api/v1/meetings").then().statusCode(201);
        assertThatThrownBy(() -> sql("UPDATE audit_event SET actor = 'someone else' WHERE region_code = '520102'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM audit_event WHERE region_code = '520102'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE region_code = '520102' AND actor = 'admin@000000'")).isOne();
        // and the trail is an admin's to read
        as(TestTokens.token("operator", "000000")).get("/internal/v1/audit?limit=50").then().statusCode(403);
        as(TestTokens.token("admin", "520000")).get("/internal/v1/audit?limit=50").then().statusCode(200)
                .body("items.regionCode", everyItem(startsWith("52"))).body("items.regionCode", hasItem("520102"));
    }

    /** The claims of a bearer token, as JSON text. */
    private static String claims(String authorization) {
        String token = authorization.substring("Bearer ".length());
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
