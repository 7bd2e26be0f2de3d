package luoshi.rules;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.compliance.ComplianceItem;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.OpenItem;
import luoshi.api.compliance.ServiceRollup;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.engine.Compliance;
import luoshi.testing.JwtTestResource;
import luoshi.testing.MariaDbTestResource;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Catalog versions, waivers and owners in the engine (API.md, "Catalog versions, waivers, owners"), with the test rule
 * type (a minimum amount nobody meets: actual 0), so that every status follows from the version, the settings and the
 * waivers alone. Each test uses a requirement of its own.
 */
@QuarkusTest
@QuarkusTestResource(value = MariaDbTestResource.class, initArgs = @ResourceArg(name = "schema", value = "rules"))
@QuarkusTestResource(JwtTestResource.class)
class VersionsWaiversOwnersTest {

    static final String TOWNSHIP = "330602001";
    static final LocalDate AFTER_2026 = LocalDate.of(2027, 3, 1);

    @Inject
    Compliance compliance;

    @Inject
    Database db;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static void create(String id) {
        as(ADMIN).body("""
                {"id":"%s","title":"Youth league funding per township","titleZh":"乡镇共青团工作经费",
                 "source":"SHAOXING-2015 item 21","issuerRegionCode":"330600","levels":["TOWNSHIP"],"period":"YEAR",
                 "rule":{"type":"TEST_MIN_AMOUNT","category":"YOUTH_LEAGUE_WORK","minAmount":"20000.00"}}
                """.formatted(id)).post("/api/v1/requirements").then().statusCode(201)
                .body("version", is(1)).body("weight", is(1)).body("effectiveFrom", nullValue());
    }

    private ComplianceItem item(String id, String region, int year, LocalDate asOf) {
        return compliance.items(region, year, asOf).items().stream().filter(i -> i.requirementId().equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void aPeriodIsJudgedByTheVersionInForceOnItsDueDate() {
        create("VW_VERSIONS");
        String shaoxing = TestTokens.token("admin", "330600");
        as(shaoxing).body("""
                {"effectiveFrom":"2027-01-01","rule":{"minAmount":"30000.00"},"weight":2,"dimension":"SPECIFIC"}""")
                .put("/api/v1/requirements/VW_VERSIONS").then().statusCode(200)
                .body("versions", hasSize(2))
                .body("versions[0].effectiveTo", is("2026-12-31"))
                .body("versions[1].version", is(2)).body("versions[1].effectiveFrom", is("2027-01-01"))
                .body("versions[1].rule.minAmount", is("30000.00")).body("versions[1].rule.type", is("TEST_MIN_AMOUNT"))
                .body("versions[1].weight", is(2)).body("versions[1].dimension", is("SPECIFIC"));

        ComplianceItem y2026 = item("VW_VERSIONS", TOWNSHIP, 2026, LocalDate.of(2028, 1, 10));
        ComplianceItem y2027 = item("VW_VERSIONS", TOWNSHIP, 2027, LocalDate.of(2028, 1, 10));
        assertThat(y2026.expected()).isEqualTo("20000.00");
        assertThat(y2026.requirementVersion()).isEqualTo(1);
        assertThat(y2027.expected()).isEqualTo("30000.00");
        assertThat(y2027.requirementVersion()).isEqualTo(2);
        assertThat(y2027.status()).isEqualTo(ComplianceStatus.NON_COMPLIANT);

        // a county may not undercut the version of 2027, from 2027 or for every period
        as(ADMIN).body("{\"minAmount\":\"25000.00\",\"effectiveFrom\":\"2027-01-01\"}")
                .put("/api/v1/requirements/VW_VERSIONS/parameters/330602").then().statusCode(400)
                .body("violations[0].field", is("minAmount"))
                .body("violations[0].message", containsString("30000.00"));
        as(ADMIN).body("{\"minAmount\":\"25000.00\"}")
                .put("/api/v1/requirements/VW_VERSIONS/parameters/330602").then().statusCode(400)
                .body("violations[0].message", containsString("30000.00"))
                .body("violations[0].message", containsString("2027-01-01"));
        // a stricter one from 2027 holds for 2027 only
        as(ADMIN).body("{\"minAmount\":\"35000.00\",\"effectiveFrom\":\"2027-01-01\"}")
                .put("/api/v1/requirements/VW_VERSIONS/parameters/330602").then().statusCode(200)
                .body("effectiveFrom", is("2027-01-01")).body("parameters.minAmount", is("35000.00"));
        assertThat(item("VW_VERSIONS", TOWNSHIP, 2027, LocalDate.of(2028, 1, 10)).expected()).isEqualTo("35000.00");
        assertThat(item("VW_VERSIONS", TOWNSHIP, 2026, LocalDate.of(2028, 1, 10)).expected()).isEqualTo("20000.00");
        assertThat(item("VW_VERSIONS", "330603001", 2027, LocalDate.of(2028, 1, 10)).expected()).isEqualTo("30000.00");

        // not after the latest version's start: a conflict; a rule of another type: refused
        as(shaoxing).body("{\"effectiveFrom\":\"2027-01-01\",\"weight\":3}").put("/api/v1/requirements/VW_VERSIONS")
                .then().statusCode(409).contentType("application/problem+json");
        as(shaoxing).body("{\"effectiveFrom\":\"2028-01-01\",\"rule\":{\"type\":\"MEETING_COUNT\"}}")
                .put("/api/v1/requirements/VW_VERSIONS").then().statusCode(400).body("violations[0].field", is("rule.type"));
        // only an admin of the issuer changes it
        as(TestTokens.token("admin", "330602")).body("{\"effectiveFrom\":\"2028-01-01\",\"weight\":3}")
                .put("/api/v1/requirements/VW_VERSIONS").then().statusCode(403);

        // retired after 2029: a later period has no version in force, so it applies nowhere
        as(shaoxing).body("{\"effectiveTo\":\"2029-12-31\"}").put("/api/v1/requirements/VW_VERSIONS").then().statusCode(200)
                .body("versions[1].effectiveTo", is("2029-12-31"));
        ComplianceItem y2030 = item("VW_VERSIONS", TOWNSHIP, 2030, LocalDate.of(2031, 1, 10));
        assertThat(y2030.status()).isEqualTo(ComplianceStatus.NOT_APPLICABLE);
        assertThat(y2030.requirementVersion()).isNull();
        given().auth().oauth2(ADMIN).get("/api/v1/requirements/VW_VERSIONS").then().statusCode(200)
                .body("versions", hasSize(2)).body("id", is("VW_VERSIONS"));
        given().auth().oauth2(ADMIN).get("/api/v1/requirements/NO_SUCH").then().statusCode(404);
    }

    @Test
    void aWaiverFromAboveMakesTheItemNotApplicableUntilRevokedOrOver() {
        create("VW_WAIVER");
        assertThat(item("VW_WAIVER", TOWNSHIP, 2026, AFTER_2026).status()).isEqualTo(ComplianceStatus.NON_COMPLIANT);
        ServiceRollup before = compliance.rollup("330600", 2026, AFTER_2026);
        String waiver = """
                {"requirementId":"VW_WAIVER","regionCode":"330602001","from":"2026-01-01","to":"%s",
                 "reason":"2026年受台风灾害影响，经费调剂用于灾后重建","documentRef":"越政办〔2026〕12号"}""";

        // the township's own admin: 403, and nothing is written
        long rows = db.count(Sql.of("SELECT COUNT(*) FROM requirement_waiver"));
        as(TestTokens.token("admin", TOWNSHIP)).body(waiver.formatted("2026-12-31")).post("/api/v1/waivers")
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(db.count(Sql.of("SELECT COUNT(*) FROM requirement_waiver"))).isEqualTo(rows);

        String county = TestTokens.token("admin", "330602", "admin-330602");
        String id = as(county).body(waiver.formatted("2026-12-31")).post("/api/v1/waivers").then().statusCode(201)
                .body("approvedBy", is("admin-330602")).body("approvedByRegion", is("330602"))
                .body("revokedAt", nullValue()).extract().path("id");
        ComplianceItem waived = item("VW_WAIVER", TOWNSHIP, 2026, AFTER_2026);
        assertThat(waived.status()).isEqualTo(ComplianceStatus.NOT_APPLICABLE);
        assertThat(waived.waiver().id()).isEqualTo(id);
        assertThat(waived.waiver().to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(waived.waiver().approvedBy()).isEqualTo("admin-330602");
        assertThat(waived.waiver().reason()).startsWith("2026年受台风灾害影响");
        ServiceRollup after = compliance.rollup("330600", 2026, AFTER_2026);
        assertThat(after.counts().waived()).isEqualTo(before.counts().waived() + 1);
        assertThat(after.counts().nonCompliant()).isEqualTo(before.counts().nonCompliant() - 1);
        assertThat(after.counts().notApplicable()).isEqualTo(before.counts().notApplicable() + 1);
        assertThat(after.children().stream().filter(c -> c.regionCode().equals("330602")).findFirst().orElseThrow()
                .counts().waived()).isEqualTo(1);
        // the other year is not waived; the waiver overlapping it again: a conflict
        assertThat(item("VW_WAIVER", TOWNSHIP, 2025, AFTER_2026).status()).isEqualTo(ComplianceStatus.NON_COMPLIANT);
        as(county).body(waiver.formatted("2027-06-30")).post("/api/v1/waivers").then().statusCode(409);
        given().auth().oauth2(county).get("/api/v1/waivers?regionCode=330602&activeOn=2026-06-30").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        // no open item (so no reminder) for a waived item
        List<OpenItem> open = compliance.allOpenItems(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 3, 1));
        assertThat(open).noneMatch(i -> i.requirementId().equals("VW_WAIVER") && i.regionCode().equals(TOWNSHIP));
        assertThat(open).anyMatch(i -> i.requirementId().equals("VW_WAIVER") && i.regionCode().equals("330602002"));

        // revoked: judged again, and the trail has grant and revocation with before and after
        as(TestTokens.token("admin", TOWNSHIP)).delete("/api/v1/waivers/" + id).then().statusCode(403);
        as(county).delete("/api/v1/waivers/" + id).then().statusCode(204);
        as(county).delete("/api/v1/waivers/" + id).then().statusCode(404);
        assertThat(item("VW_WAIVER", TOWNSHIP, 2026, AFTER_2026).status()).isEqualTo(ComplianceStatus.NON_COMPLIANT);
        List<String> trail = db.list(Sql.of("SELECT CONCAT(action, ' ', change_json) FROM audit_event WHERE entity = 'waiver'"
                + " AND entity_id = :id ORDER BY id").bind("id", id), rs -> rs.getString(1));
        assertThat(trail).hasSize(2);
        assertThat(trail.get(0)).startsWith("CREATE").contains("2026年受台风灾害影响");
        assertThat(trail.get(1)).startsWith("DELETE").contains("revokedAt");

        // a waiver that ends before the due date: waived while it runs, judged again once it is over
        as(county).body(waiver.formatted("2026-12-30")).post("/api/v1/waivers").then().statusCode(201);
        assertThat(item("VW_WAIVER", TOWNSHIP, 2026, LocalDate.of(2026, 12, 15)).status())
                .isEqualTo(ComplianceStatus.NOT_APPLICABLE);
        assertThat(item("VW_WAIVER", TOWNSHIP, 2026, AFTER_2026).status()).isEqualTo(ComplianceStatus.NON_COMPLIANT);
    }

    @Test
    void aWaiverWithBadFieldsIsRefusedAndNothingIsStored() {
        create("VW_BAD");
        String county = TestTokens.token("admin", "330602");
        long rows = db.count(Sql.of("SELECT COUNT(*) FROM requirement_waiver"));
        as(county).body("""
                {"requirementId":"VW_BAD","regionCode":"330602001","from":"2026-06-01","to":"2026-05-31","reason":"理由"}""")
                .post("/api/v1/waivers").then().statusCode(400).body("violations[0].field", is("to"));
        as(county).body("""
                {"requirementId":"VW_BAD","regionCode":"330602001","from":"2026-01-01","to":"2026-12-31","reason":" "}""")
                .post("/api/v1/waivers").then().statusCode(400).body("violations[0].field", containsString("reason"));
        as(county).body("""
                {"requirementId":"NO_SUCH","regionCode":"330602001","from":"2026-01-01","to":"2026-12-31","reason":"理由"}""")
                .post("/api/v1/waivers").then().statusCode(404).body("detail", containsString("NO_SUCH"));
        as(county).body("""
                {"requirementId":"VW_BAD","regionCode":"330602099","from":"2026-01-01","to":"2026-12-31","reason":"理由"}""")
                .post("/api/v1/waivers").then().statusCode(404).body("detail", containsString("330602099"));
        assertThat(db.count(Sql.of("SELECT COUNT(*) FROM requirement_waiver"))).isEqualTo(rows);
    }

    @Test
    void anOwnerHoldsForTheSubtreeUnlessARegionBelowSetsItsOwn() {
        create("VW_OWNER");
        as(TestTokens.token("admin", "330600")).body("{\"unit\":\"绍兴市团委\",\"contact\":\"0575-85200000\"}")
                .put("/api/v1/requirements/VW_OWNER/owners/330600").then().statusCode(200)
                .body("unit", is("绍兴市团委")).body("regionCode", is("330600"));
        ComplianceItem inherited = item("VW_OWNER", TOWNSHIP, 2026, AFTER_2026);
        assertThat(inherited.owner().unit()).isEqualTo("绍兴市团委");
        assertThat(inherited.owner().regionCode()).isEqualTo("330600");
        assertThat(compliance.allOpenItems(LocalDate.of(2026, 12, 1), null, null).stream()
                .filter(i -> i.requirementId().equals("VW_OWNER") && i.regionCode().equals(TOWNSHIP))
                .findFirst().orElseThrow().owner().unit()).isEqualTo("绍兴市团委");

        as(TestTokens.token("admin", TOWNSHIP)).body("{\"unit\":\"塔山街道团工委\",\"contact\":\"王芳\"}")
                .put("/api/v1/requirements/VW_OWNER/owners/" + TOWNSHIP).then().statusCode(200);
        ComplianceItem own = item("VW_OWNER", TOWNSHIP, 2026, AFTER_2026);
        assertThat(own.owner().unit()).isEqualTo("塔山街道团工委");
        assertThat(own.owner().regionCode()).isEqualTo(TOWNSHIP);
        assertThat(item("VW_OWNER", "330602002", 2026, AFTER_2026).owner().unit()).isEqualTo("绍兴市团委");

        given().auth().oauth2(ADMIN).get("/api/v1/requirements/VW_OWNER/owners?regionCode=330600").then().statusCode(200)
                .body("inForce.unit", is("绍兴市团委")).body("items", hasSize(2));
        given().auth().oauth2(ADMIN).get("/api/v1/requirements/VW_OWNER/owners?regionCode=" + TOWNSHIP).then()
                .statusCode(200).body("inForce.unit", is("塔山街道团工委")).body("items", hasSize(1));
        // an admin of another region may not set it; an unknown region or requirement: 404; no unit: 400
        as(TestTokens.token("admin", "330603")).body("{\"unit\":\"柯桥区团委\"}")
                .put("/api/v1/requirements/VW_OWNER/owners/" + TOWNSHIP).then().statusCode(403);
        as(ADMIN).body("{\"unit\":\"x\"}").put("/api/v1/requirements/VW_OWNER/owners/330602099").then().statusCode(404);
        as(ADMIN).body("{\"unit\":\"x\"}").put("/api/v1/requirements/NO_SUCH/owners/330602").then().statusCode(404);
        as(ADMIN).body("{\"contact\":\"x\"}").put("/api/v1/requirements/VW_OWNER/owners/330602").then().statusCode(400)
                .body("violations[0].field", containsString("unit"));
    }
}
