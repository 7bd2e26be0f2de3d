package luoshi.rules;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Versions and ETags of the catalog's correctable resources (API.md, "Versions and ETags"): a requirement (its
 * revision), a jurisdiction's setting, an owner and a waiver answer their version as ETag, a write with a stale
 * If-Match is a 412 naming the current one and writes nothing, concurrent writes without If-Match are each applied,
 * and each resource's audit chain is unbroken (every event's before is the previous event's after).
 */
@QuarkusTest
class VersionsAndETagsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String COUNTY_ADMIN = TestTokens.token("admin", "330602", "admin-330602");

    @Inject
    Database db;

    private static RequestSpecification as(String token, String ifMatch) {
        RequestSpecification request = given().auth().oauth2(token).contentType(ContentType.JSON);
        return ifMatch == null ? request : request.header("If-Match", ifMatch);
    }

    private static void create(String id) {
        as(ADMIN, null).body("""
                {"id":"%s","title":"Youth league funding","titleZh":"共青团工作经费","source":"test","issuerRegionCode":"330600",
                 "levels":["TOWNSHIP"],"period":"YEAR","rule":{"type":"TEST_MIN_AMOUNT","minAmount":"20000.00"}}
                """.formatted(id)).post("/api/v1/requirements").then().statusCode(201).body("revision", is(1));
    }

    private static ValidatableResponse refused(ValidatableResponse answer, String current) {
        return answer.statusCode(412).contentType("application/problem+json").header("ETag", current)
                .body("etag", is(current));
    }

    /** The audit events of one resource, oldest first: each {before, after}. */
    private List<JsonNode> trail(String entity, String entityId) {
        return db.list(Sql.of("SELECT change_json FROM audit_event WHERE entity = :entity AND entity_id = :id ORDER BY id")
                .bind("entity", entity).bind("id", entityId), rs -> {
                    try {
                        return JSON.readTree(rs.getString(1));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private void assertChainUnbroken(String entity, String entityId, int events) {
        List<JsonNode> trail = trail(entity, entityId);
        assertThat(trail).hasSize(events);
        for (int i = 1; i < trail.size(); i++) {
            assertThat(trail.get(i).get("before")).as(entity + " " + entityId + " event " + i)
                    .isEqualTo(trail.get(i - 1).get("after"));
        }
    }

    @Test
    void aRequirementAnswersItsRevisionAndEveryChangeAdvancesIt() {
        create("VE_REQUIREMENT");
        String path = "/api/v1/requirements/VE_REQUIREMENT";
        given().auth().oauth2(ADMIN).get(path).then().statusCode(200).header("ETag", "\"1\"").body("version", is(1));
        as(ADMIN, "\"1\"").body("{\"effectiveFrom\":\"2027-01-01\",\"rule\":{\"minAmount\":\"30000.00\"}}").put(path)
                .then().statusCode(200).header("ETag", "\"2\"").body("revision", is(2)).body("versions", hasSize(2));
        // a stale If-Match: 412 naming the current revision, no version 3
        refused(as(ADMIN, "\"1\"").body("{\"effectiveFrom\":\"2028-01-01\",\"weight\":3}").put(path).then(), "\"2\"");
        given().auth().oauth2(ADMIN).get(path).then().header("ETag", "\"2\"").body("versions", hasSize(2));
        // retiring writes too: it advances the revision, which version numbers alone would not show
        as(ADMIN, "\"2\"").body("{\"effectiveTo\":\"2029-12-31\"}").put(path).then().statusCode(200).header("ETag", "\"3\"")
                .body("versions[1].effectiveTo", is("2029-12-31"));
        refused(as(ADMIN, "\"2\"").body("{\"effectiveTo\":\"2030-12-31\"}").put(path).then(), "\"3\"");
        as(ADMIN, "*").body("{\"effectiveTo\":\"2030-12-31\"}").put(path).then().statusCode(200).header("ETag", "\"4\"");
        // a malformed If-Match is a 400 naming it, before anything is read
        as(ADMIN, "4").body("{\"effectiveTo\":\"2031-12-31\"}").put(path).then().statusCode(400)
                .body("violations.field", contains("If-Match"));
        assertChainUnbroken("requirement", "VE_REQUIREMENT", 4);
    }

    @Test
    void aSettingAnswersItsVersionAndAStaleIfMatchWritesNothing() {
        create("VE_SETTING");
        String path = "/api/v1/requirements/VE_SETTING/parameters/330602";
        as(ADMIN, null).body("{\"minAmount\":\"25000.00\"}").put(path).then().statusCode(200).header("ETag", "\"1\"")
                .body("version", is(1));
        // the same values again change nothing: same version, no event
        as(ADMIN, "\"1\"").body("{\"minAmount\":\"25000.00\"}").put(path).then().statusCode(200).header("ETag", "\"1\"");
        as(ADMIN, "\"1\"").body("{\"minAmount\":\"26000.00\"}").put(path).then().statusCode(200).header("ETag", "\"2\"")
                .body("parameters.minAmount", is("26000.00"));
        refused(as(ADMIN, "\"1\"").body("{\"minAmount\":\"27000.00\"}").put(path).then(), "\"2\"");
        assertThat(db.one(Sql.of("SELECT parameters_json FROM requirement_parameter WHERE requirement_id = 'VE_SETTING'"
                + " AND region_code = '330602'"), rs -> rs.getString(1)).orElseThrow()).contains("26000.00");
        // If-Match names a version of something stored: a setting not made yet is a 412, and is not made
        as(ADMIN, "\"1\"").body("{\"minAmount\":\"25000.00\"}").put("/api/v1/requirements/VE_SETTING/parameters/330603")
                .then().statusCode(412);
        assertThat(db.count(Sql.of("SELECT COUNT(*) FROM requirement_parameter WHERE requirement_id = 'VE_SETTING'"
                + " AND region_code = '330603'"))).isZero();
        assertChainUnbroken("requirement-parameters", "VE_SETTING@330602", 2);
    }

    @Test
    void anOwnerAnswersItsVersionAndAStaleIfMatchWritesNothing() {
        create("VE_OWNER");
        String path = "/api/v1/requirements/VE_OWNER/owners/330602";
        as(COUNTY_ADMIN, null).body("{\"unit\":\"越城区团委\"}").put(path).then().statusCode(200).header("ETag", "\"1\"");
        as(COUNTY_ADMIN, "\"1\"").body("{\"unit\":\"越城区妇联\",\"contact\":\"王芳\"}").put(path).then().statusCode(200)
                .header("ETag", "\"2\"").body("version", is(2));
        refused(as(COUNTY_ADMIN, "\"1\"").body("{\"unit\":\"越城区科协\"}").put(path).then(), "\"2\"");
        given().auth().oauth2(ADMIN).get("/api/v1/requirements/VE_OWNER/owners?regionCode=330602").then().statusCode(200)
                .body("items[0].unit", is("越城区妇联")).body("items[0].version", is(2));
        assertChainUnbroken("requirement-owner", "VE_OWNER@330602", 2);
    }

    @Test
    void aWaiverIsRevokedOnlyAtTheVersionNamed() {
        create("VE_WAIVER");
        String id = as(COUNTY_ADMIN, null).body("""
                {"requirementId":"VE_WAIVER","regionCode":"330602001","from":"2026-01-01","to":"2026-12-31",
                 "reason":"2026年受台风灾害影响，经费调剂用于灾后重建"}""").post("/api/v1/waivers").then().statusCode(201)
                .body("version", is(1)).extract().path("id");
        refused(as(COUNTY_ADMIN, "\"2\"").delete("/api/v1/waivers/" + id).then(), "\"1\"");
        given().auth().oauth2(COUNTY_ADMIN).get("/api/v1/waivers?regionCode=330602001&requirementId=VE_WAIVER&activeOn=2026-06-30")
                .then().statusCode(200).body("items", hasSize(1));
        as(COUNTY_ADMIN, "\"1\"").delete("/api/v1/waivers/" + id).then().statusCode(204);
        given().auth().oauth2(COUNTY_ADMIN).get("/api/v1/waivers?regionCode=330602001&requirementId=VE_WAIVER").then()
                .statusCode(200).body("items[0].version", is(2)).body("items[0].revokedBy", is("admin-330602"));
        assertChainUnbroken("waiver", id, 2);
    }

    /** Two clerks at once, without If-Match, again and again: every write is applied, none is lost, the chain holds. */
    @Test
    void concurrentWritesAreEachAppliedAndTheAuditChainHolds() throws Exception {
        create("VE_CONCURRENT");
        int rounds = 10;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                List<Future<Integer>> answers = new ArrayList<>();
                for (String unit : List.of("越城区团委" + round, "越城区妇联" + round)) {
                    answers.add(pool.submit(() -> as(COUNTY_ADMIN, null).body("{\"unit\":\"" + unit + "\"}")
                            .put("/api/v1/requirements/VE_CONCURRENT/owners/330602").then().extract().statusCode()));
                }
                int minAmount = 30000 + 2 * round;
                for (int i = 0; i < 2; i++) {
                    String amount = (minAmount + i) + ".00";
                    answers.add(pool.submit(() -> as(ADMIN, null).body("{\"minAmount\":\"" + amount + "\"}")
                            .put("/api/v1/requirements/VE_CONCURRENT/parameters/330602").then().extract().statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(ADMIN).get("/api/v1/requirements/VE_CONCURRENT/owners?regionCode=330602").then()
                .body("items[0].version", is(2 * rounds));
        assertChainUnbroken("requirement-owner", "VE_CONCURRENT@330602", 2 * rounds);
        assertChainUnbroken("requirement-parameters", "VE_CONCURRENT@330602", 2 * rounds);
    }
}
