package luoshi.org;

import static io.restassured.RestAssured.given;
import static luoshi.org.LeadershipComplianceTest.item;
import static luoshi.org.LeadershipComplianceTest.items;
import static luoshi.org.OrganizationsTest.addLeader;
import static luoshi.org.OrganizationsTest.organization;
import static luoshi.org.RegionsTest.ensure;
import static luoshi.org.SecurityTest.change;
import static luoshi.org.SecurityTest.event;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import luoshi.api.region.RegionFeed.PopulationChange;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 in org-service: organisations, leaders and population are corrected (API.md, "Corrections"), each
 * correction authorised like the write it corrects, audited with before and after, and seen by the leadership verdicts
 * at the next read. Townships of 越城区 (330602004…) are fresh for this class; the operator acts in 嵊州市 (330683),
 * 上虞区 (330604) lies outside.
 */
@QuarkusTest
class CorrectionsTest {

    private static final String HEADS = "TOWNSHIP_FULL_TIME_HEADS";
    private static final String OPERATOR = TestTokens.token("operator", "330683", "li.si@330683");

    @Inject
    AgroalDataSource dataSource;

    static ValidatableResponse patchLeader(String token, long organization, long leader, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .patch("/api/v1/organizations/" + organization + "/leaders/" + leader).then();
    }

    static ValidatableResponse patchOrganization(String token, long organization, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .patch("/api/v1/organizations/" + organization).then();
    }

    private static long leader(long organization, String name, String employment, String from, String to) {
        return addLeader(organization, name, "HEAD", employment, false, from, to).statusCode(201).extract()
                .<Number>path("id").longValue();
    }

    private static String heads(String township) {
        return item(items(township, 2025, "2026-11-22"), HEADS).get("status").toString();
    }

    @Test
    void endingAHeadsTenureBeforeTheYearsEndTurnsTheVerdictAndCorrectionsTurnItBack() {
        RegionsTest.ensureShaoxing();
        ensure("330602004", "北海街道", "TOWNSHIP", "330602");
        leader(organization("330602004", "UNION", "北海街道总工会", null), "陈刚", "FULL_TIME", "2020-01-01", null);
        leader(organization("330602004", "YOUTH_LEAGUE", "北海街道团工委", null), "刘洋", "FULL_TIME", "2020-01-01", null);
        long women = organization("330602004", "WOMENS_FEDERATION", "北海街道妇联", null);
        long head = leader(women, "周敏", "FULL_TIME", "2020-01-01", null);
        assertThat(heads("330602004")).isEqualTo("COMPLIANT");

        // she left office in June 2025: the township has no women's federation head on 2025-12-31
        patchLeader(ADMIN, women, head, "{\"to\":\"2025-06-30\"}").statusCode(200)
                .body("id", is((int) head)).body("to", is("2025-06-30")).body("name", is("周敏"))
                .body("employment", is("FULL_TIME")).body("from", is("2020-01-01"));
        Map<String, Object> ended = item(items("330602004", 2025, "2026-11-22"), HEADS);
        assertThat(ended).containsEntry("status", "NON_COMPLIANT").containsEntry("actual", "2 of 3 types met");

        // entered in error: "to": null given explicitly puts her back in office
        patchLeader(ADMIN, women, head, "{\"to\":null}").statusCode(200).body("to", nullValue());
        assertThat(heads("330602004")).isEqualTo("COMPLIANT");

        // the employment corrected to part-time and back
        patchLeader(ADMIN, women, head, "{\"employment\":\"PART_TIME\"}").statusCode(200).body("employment", is("PART_TIME"))
                .body("to", nullValue());
        assertThat(heads("330602004")).isEqualTo("NON_COMPLIANT");
        patchLeader(ADMIN, women, head, "{\"employment\":\"FULL_TIME\"}").statusCode(200).body("employment", is("FULL_TIME"));
        assertThat(heads("330602004")).isEqualTo("COMPLIANT");

        List<Map<String, Object>> updates = events("330602004").stream()
                .filter(e -> "UPDATE".equals(e.get("action")) && String.valueOf(head).equals(e.get("entityId"))).toList();
        assertThat(updates).hasSize(4); // newest first
        assertThat(change(updates.get(3), "before")).containsEntry("to", null).containsEntry("employment", "FULL_TIME");
        assertThat(change(updates.get(3), "after")).containsEntry("to", "2025-06-30").containsEntry("name", "周敏");
        assertThat(change(updates.get(2), "before")).containsEntry("to", "2025-06-30");
        assertThat(change(updates.get(2), "after")).containsEntry("to", null);
        assertThat(change(updates.get(0), "before")).containsEntry("employment", "PART_TIME");
        assertThat(change(updates.get(0), "after")).containsEntry("employment", "FULL_TIME");
        assertThat(updates.get(0)).containsEntry("entity", "leader").containsEntry("regionCode", "330602004");

        // the same correction again changes nothing and records nothing
        patchLeader(ADMIN, women, head, "{\"employment\":\"FULL_TIME\"}").statusCode(200);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity = 'leader' AND entity_id = '" + head + "'"))
                .isEqualTo(5); // its CREATE and the four UPDATEs
    }

    @Test
    void badCorrectionsOfALeaderAre400NamingTheFieldAndChangeNothing() {
        RegionsTest.ensureShaoxing();
        ensure("330602005", "城南街道", "TOWNSHIP", "330602");
        long youth = organization("330602005", "YOUTH_LEAGUE", "城南街道团工委", null);
        long head = leader(youth, "张伟", "FULL_TIME", "2024-01-01", null);
        long former = leader(youth, "李娜", "PART_TIME", "2021-01-01", "2023-12-31");
        long union = organization("330602005", "UNION", "城南街道总工会", null);
        long events = count("SELECT COUNT(*) FROM audit_event");

        patchLeader(ADMIN, youth, head, "{\"to\":\"2023-12-31\"}").statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("to")).body("violations[0].message", containsString("2024-01-01"));
        patchLeader(ADMIN, youth, former, "{\"from\":\"2024-01-01\"}").statusCode(400).body("violations.field", contains("from"));
        patchLeader(ADMIN, youth, head, "{\"name\":null}").statusCode(400).body("violations.field", contains("name"));
        patchLeader(ADMIN, youth, head, "{\"name\":\"  \"}").statusCode(400).body("violations.field", contains("name"));
        patchLeader(ADMIN, youth, head, "{\"employment\":\"FULLTIME\"}").statusCode(400)
                .body("violations.field", contains("employment"));
        patchLeader(ADMIN, youth, head, "{\"tO\":\"2025-06-30\"}").statusCode(400).body("violations.field", contains("tO"));
        patchLeader(ADMIN, youth, head, "{\"to\":\"2025-02-30\"}").statusCode(400).body("violations.field", contains("to"));

        // a leader of another organisation, an unknown one
        patchLeader(ADMIN, union, head, "{\"to\":\"2025-06-30\"}").statusCode(404);
        given().auth().oauth2(ADMIN).delete("/api/v1/organizations/" + union + "/leaders/" + head).then().statusCode(404);
        patchLeader(ADMIN, youth, 999_999_999L, "{\"to\":\"2025-06-30\"}").statusCode(404);

        given().auth().oauth2(ADMIN).get("/api/v1/organizations/" + youth + "/leaders").then().statusCode(200)
                .body("items.find { it.id == " + head + " }.to", nullValue())
                .body("items.find { it.id == " + head + " }.name", is("张伟"))
                .body("items.find { it.id == " + former + " }.from", is("2021-01-01"));
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(events);
    }

    @Test
    void correctionsOutsideTheCallersSubtreeAre403AndChangeNothing() {
        RegionsTest.ensureShaoxing();
        ensure("330683", "嵊州市", "COUNTY", "330600");
        ensure("330683108", "金庭镇", "TOWNSHIP", "330683");
        ensure("330683110", "下王镇", "TOWNSHIP", "330683");
        ensure("330604", "上虞区", "COUNTY", "330600");
        ensure("330604006", "小越街道", "TOWNSHIP", "330604");
        long outside = organization("330604006", "UNION", "小越街道总工会", null);
        long outsideHead = leader(outside, "钱进", "FULL_TIME", "2022-01-01", null);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"total\":41000}")
                .put("/api/v1/regions/330604006/population/2024").then().statusCode(200);
        long events = count("SELECT COUNT(*) FROM audit_event");

        patchOrganization(OPERATOR, outside, "{\"name\":\"小越街道工会(越权)\"}").statusCode(403);
        given().auth().oauth2(OPERATOR).delete("/api/v1/organizations/" + outside).then().statusCode(403);
        patchLeader(OPERATOR, outside, outsideHead, "{\"to\":\"2025-06-30\"}").statusCode(403);
        given().auth().oauth2(OPERATOR).delete("/api/v1/organizations/" + outside + "/leaders/" + outsideHead).then()
                .statusCode(403);
        given().auth().oauth2(OPERATOR).delete("/api/v1/regions/330604006/population/2024").then().statusCode(403);
        // a viewer of the region corrects nothing either
        patchLeader(TestTokens.token("viewer", "330604"), outside, outsideHead, "{\"to\":\"2025-06-30\"}").statusCode(403);

        // inside: corrected; moved out of the subtree: 403, and nothing changed
        long inside = organization("330683108", "YOUTH_LEAGUE", "金庭镇团委", null);
        patchOrganization(OPERATOR, inside, "{\"regionCode\":\"330604006\"}").statusCode(403);
        patchOrganization(OPERATOR, inside, "{\"regionCode\":\"330604006\",\"name\":\"小越街道团工委\"}").statusCode(403);
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(events + 1); // the inside organisation's CREATE

        given().auth().oauth2(ADMIN).get("/api/v1/organizations/" + outside).then().statusCode(200).body("name", is("小越街道总工会"));
        given().auth().oauth2(ADMIN).get("/api/v1/organizations/" + inside).then().statusCode(200)
                .body("regionCode", is("330683108"));
        given().auth().oauth2(ADMIN).get("/api/v1/organizations/" + outside + "/leaders").then()
                .body("items[0].to", nullValue());
        given().auth().oauth2(ADMIN).get("/api/v1/regions/330604006/population/2024").then().statusCode(200)
                .body("total", is(41000));

        // a move inside the subtree is the operator's to make; an unknown region is a 404
        patchOrganization(OPERATOR, inside, "{\"regionCode\":\"330683110\",\"name\":\"下王镇团委\"}").statusCode(200)
                .body("regionCode", is("330683110")).body("name", is("下王镇团委")).body("type", is("YOUTH_LEAGUE"));
        patchOrganization(OPERATOR, inside, "{\"regionCode\":\"330683199\"}").statusCode(404)
                .body("detail", containsString("330683199"));
        Map<String, Object> moved = event(events("330683"), "UPDATE", "organization", String.valueOf(inside));
        assertThat(moved).containsEntry("actor", "li.si@330683").containsEntry("regionCode", "330683");
        assertThat(change(moved, "before")).containsEntry("regionCode", "330683108").containsEntry("name", "金庭镇团委");
        assertThat(change(moved, "after")).containsEntry("regionCode", "330683110").containsEntry("name", "下王镇团委");
    }

    @Test
    void anOrganisationIsCorrectedWithinTheRulesOfACreation() {
        RegionsTest.ensureShaoxing();
        ensure("330602006", "稽山街道", "TOWNSHIP", "330602");
        long county = organization("330602", "WOMENS_FEDERATION", "越城区妇联", null);
        long township = organization("330602006", "WOMENS_FEDERATION", "稽山街道妇女联合会", county);
        long union = organization("330602006", "UNION", "稽山街道总工会", null);

        patchOrganization(ADMIN, township, "{\"name\":\"稽山街道妇联\"}").statusCode(200)
                .body("name", is("稽山街道妇联")).body("superiorId", is((int) county)).body("regionCode", is("330602006"));
        Map<String, Object> renamed = event(events("330602006"), "UPDATE", "organization", String.valueOf(township));
        assertThat(change(renamed, "before")).containsEntry("name", "稽山街道妇女联合会");
        assertThat(change(renamed, "after")).containsEntry("name", "稽山街道妇联");

        patchOrganization(ADMIN, union, "{\"name\":\"稽山街道妇联\",\"type\":\"WOMENS_FEDERATION\"}").statusCode(409);
        patchOrganization(ADMIN, union, "{\"superiorId\":" + county + "}").statusCode(400)
                .body("violations.field", contains("superiorId"));
        patchOrganization(ADMIN, union, "{\"regionCode\":\"3306020\"}").statusCode(400)
                .body("violations.field", contains("regionCode"));
        patchOrganization(ADMIN, union, "{\"type\":null}").statusCode(400).body("violations.field", contains("type"));
        patchOrganization(ADMIN, union, "{\"type\":\"UNIONS\"}").statusCode(400).body("violations.field", contains("type"));
        // the county federation leads the township's: it keeps its type and stays above it
        patchOrganization(ADMIN, county, "{\"type\":\"UNION\"}").statusCode(409).body("detail", containsString(String.valueOf(township)));
        given().auth().oauth2(ADMIN).delete("/api/v1/organizations/" + county).then().statusCode(409);

        // "superiorId": null given explicitly removes the link, after which the county federation may go
        patchOrganization(ADMIN, township, "{\"superiorId\":null}").statusCode(200).body("superiorId", nullValue())
                .body("name", is("稽山街道妇联"));
        given().auth().oauth2(ADMIN).delete("/api/v1/organizations/" + county).then().statusCode(204);
        given().auth().oauth2(ADMIN).get("/api/v1/organizations/" + union).then().statusCode(200).body("type", is("UNION"));
    }

    @Test
    void deletingAnOrganisationDeletesItsLeadersAndRecordsThem() {
        RegionsTest.ensureShaoxing();
        ensure("330602007", "迪荡街道", "TOWNSHIP", "330602");
        long women = organization("330602007", "WOMENS_FEDERATION", "迪荡街道妇联", null);
        leader(women, "赵敏", "FULL_TIME", "2021-01-01", null);
        long deputy = addLeader(women, "孙丽", "DEPUTY", "PART_TIME", true, "2022-01-01", null).statusCode(201).extract()
                .<Number>path("id").longValue();

        given().auth().oauth2(ADMIN).delete("/api/v1/organizations/" + women + "/leaders/" + deputy).then().statusCode(204);
        given().auth().oauth2(ADMIN).get("/api/v1/organizations/" + women + "/leaders").then().body("items.name", contains("赵敏"));
        assertThat(change(event(events("330602007"), "DELETE", "leader", String.valueOf(deputy)), "before"))
                .containsEntry("name", "孙丽");

        given().auth().oauth2(ADMIN).delete("/api/v1/organizations/" + women).then().statusCode(204);
        given().auth().oauth2(ADMIN).get("/api/v1/organizations/" + women).then().statusCode(404);
        given().auth().oauth2(ADMIN).delete("/api/v1/organizations/" + women).then().statusCode(404);
        assertThat(count("SELECT COUNT(*) FROM leader WHERE organization_id = " + women)).isZero();
        Map<String, Object> deleted = event(events("330602007"), "DELETE", "organization", String.valueOf(women));
        assertThat(change(deleted, "before")).containsEntry("name", "迪荡街道妇联").containsEntry("type", "WOMENS_FEDERATION");
        assertThat((List<?>) change(deleted, "before").get("leaders")).hasSize(1)
                .allSatisfy(l -> assertThat(l.toString()).contains("name=赵敏"));
        assertThat(((Map<?, ?>) deleted.get("change")).get("after")).isNull();
        // the township lost its women's federation
        assertThat(item(items("330602007", 2025, "2026-11-22"), HEADS).get("evidence").toString())
                .contains("no WOMENS_FEDERATION organisation in 330602007");
    }

    @Test
    void aDeletedPopulationIsGoneAndReachesTheFeed() {
        RegionsTest.ensureShaoxing();
        ensure("330602008", "东湖街道", "TOWNSHIP", "330602");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"total\":61000,\"female\":30000}")
                .put("/api/v1/regions/330602008/population/2025").then().statusCode(200);
        long start = RegionFeedTest.head();

        given().auth().oauth2(ADMIN).delete("/api/v1/regions/330602008/population/2025").then().statusCode(204);
        given().auth().oauth2(ADMIN).get("/api/v1/regions/330602008/population/2025").then().statusCode(404);
        given().auth().oauth2(ADMIN).delete("/api/v1/regions/330602008/population/2025").then().statusCode(404);
        given().auth().oauth2(ADMIN).delete("/api/v1/regions/330602999/population/2025").then().statusCode(404);

        List<PopulationChange> changes = RegionFeedTest.feed(start, 100).population();
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0)).extracting(PopulationChange::regionCode, PopulationChange::year, PopulationChange::total,
                PopulationChange::female).containsExactly("330602008", 2025, null, null);
        assertThat(changes.get(0).version()).isEqualTo(start + 1);
        Map<String, Object> deleted = event(events("330602008"), "DELETE", "population", "330602008/2025");
        assertThat(change(deleted, "before")).containsEntry("total", 61000).containsEntry("female", 30000);

        // written again: a new row, at the head of the feed with its total
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"total\":62000}")
                .put("/api/v1/regions/330602008/population/2025").then().statusCode(200);
        given().auth().oauth2(ADMIN).get("/api/v1/regions/330602008/population/2025").then().statusCode(200)
                .body("total", is(62000)).body("female", nullValue());
        assertThat(RegionFeedTest.feed(start + 1, 100).population()).extracting(PopulationChange::total).containsExactly(62000L);
        assertThat(event(events("330602008"), "CREATE", "population", "330602008/2025")).isNotNull();
    }

    /** The newest 50 audit events of a region's subtree, newest first. */
    static List<Map<String, Object>> events(String regionCode) {
        return given().auth().oauth2(ADMIN).queryParam("regionCode", regionCode).queryParam("limit", 50)
                .get("/internal/v1/audit").then().statusCode(200).extract().jsonPath().getList("items");
    }

    private long count(String sql) {
        return SecurityTest.count(dataSource, sql);
    }
}
