package luoshi.org;

import static io.restassured.RestAssured.given;
import static luoshi.org.CorrectionsTest.events;
import static luoshi.org.CorrectionsTest.patchLeader;
import static luoshi.org.OrganizationsTest.organization;
import static luoshi.org.RegionsTest.ensure;
import static luoshi.org.SecurityTest.change;
import static luoshi.org.SecurityTest.event;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import luoshi.db.Database;
import luoshi.db.Sql;
import org.junit.jupiter.api.Test;

/**
 * The leader field {@code partyCommitteeMember} (REQUIREMENTS.md, second wave; API.md, leaders): false unless given, stored,
 * read back, corrected by PATCH and audited with before and after, and taken by the organisation import. Townships of
 * 新昌县 (330624112 沃洲镇, 330624200 城南乡) are fresh for this class.
 */
@QuarkusTest
class PartyCommitteeMemberTest {

    @Inject
    Database db;

    private static void regions() {
        RegionsTest.ensureShaoxing();
        ensure("330624", "新昌县", "COUNTY", "330600");
        ensure("330624112", "沃洲镇", "TOWNSHIP", "330624");
        ensure("330624200", "城南乡", "TOWNSHIP", "330624");
    }

    private static ValidatableResponse addLeader(long organization, String body) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .post("/api/v1/organizations/" + organization + "/leaders").then();
    }

    private boolean stored(long leader) {
        return db.one(Sql.of("SELECT party_committee_member FROM leader WHERE id = :id").bind("id", leader),
                rs -> rs.getBoolean(1)).orElseThrow();
    }

    @Test
    void aLeaderIsAMemberOnlyWhenTheFieldSaysSo() {
        regions();
        long union = organization("330624112", "UNION", "沃洲镇总工会", null);
        long head = addLeader(union, "{\"name\":\"梁军\",\"role\":\"HEAD\",\"employment\":\"PART_TIME\",\"frontline\":false,"
                + "\"partyCommitteeMember\":true,\"from\":\"2024-01-01\",\"to\":null}").statusCode(201)
                .body("partyCommitteeMember", is(true)).body("employment", is("PART_TIME"))
                .extract().<Number>path("id").longValue();
        // a client that does not know the field yet: not a member
        long deputy = addLeader(union, "{\"name\":\"何静\",\"role\":\"DEPUTY\",\"employment\":\"FULL_TIME\",\"frontline\":false,"
                + "\"from\":\"2024-01-01\",\"to\":null}").statusCode(201)
                .body("partyCommitteeMember", is(false)).extract().<Number>path("id").longValue();
        assertThat(stored(head)).isTrue();
        assertThat(stored(deputy)).isFalse();

        given().auth().oauth2(ADMIN).get("/api/v1/organizations/" + union + "/leaders").then().statusCode(200)
                .body("items.name", contains("梁军", "何静")).body("items.partyCommitteeMember", contains(true, false));
    }

    @Test
    void aCorrectionChangesTheFieldAndIsAuditedWithBeforeAndAfter() {
        regions();
        long union = organization("330624200", "UNION", "城南乡总工会", null);
        long head = addLeader(union, "{\"name\":\"俞峰\",\"role\":\"HEAD\",\"employment\":\"PART_TIME\",\"frontline\":true,"
                + "\"from\":\"2023-03-01\",\"to\":null}").statusCode(201).extract().<Number>path("id").longValue();

        patchLeader(ADMIN, union, head, "{\"partyCommitteeMember\":true}").statusCode(200)
                .body("partyCommitteeMember", is(true)).body("name", is("俞峰")).body("employment", is("PART_TIME"))
                .body("frontline", is(true)).body("from", is("2023-03-01"));
        assertThat(stored(head)).isTrue();
        Map<String, Object> update = event(events("330624200"), "UPDATE", "leader", String.valueOf(head));
        assertThat(change(update, "before")).containsEntry("partyCommitteeMember", false).containsEntry("name", "俞峰");
        assertThat(change(update, "after")).containsEntry("partyCommitteeMember", true).containsEntry("name", "俞峰");

        // null is no value of a flag, and an unchanged value records nothing
        patchLeader(ADMIN, union, head, "{\"partyCommitteeMember\":null}").statusCode(400)
                .body("violations.field", contains("partyCommitteeMember"));
        long events = db.count(Sql.of("SELECT COUNT(*) FROM audit_event WHERE entity = 'leader' AND entity_id = :id")
                .bind("id", String.valueOf(head)));
        patchLeader(ADMIN, union, head, "{\"partyCommitteeMember\":true}").statusCode(200).body("partyCommitteeMember", is(true));
        assertThat(db.count(Sql.of("SELECT COUNT(*) FROM audit_event WHERE entity = 'leader' AND entity_id = :id")
                .bind("id", String.valueOf(head)))).isEqualTo(events);

        patchLeader(ADMIN, union, head, "{\"partyCommitteeMember\":false}").statusCode(200).body("partyCommitteeMember", is(false));
        assertThat(stored(head)).isFalse();
    }

    @Test
    void theImportStoresTheFieldOfEveryLeader() {
        regions();
        String body = "[{\"regionCode\":\"330624112\",\"type\":\"WOMENS_FEDERATION\",\"name\":\"沃洲镇妇联\",\"leaders\":["
                + "{\"name\":\"潘红\",\"role\":\"HEAD\",\"employment\":\"PART_TIME\",\"frontline\":false,"
                + "\"partyCommitteeMember\":true,\"from\":\"2024-01-01\",\"to\":null},"
                + "{\"name\":\"丁雪\",\"role\":\"DEPUTY\",\"employment\":\"FULL_TIME\",\"frontline\":true,"
                + "\"from\":\"2024-01-01\",\"to\":null}]}]";
        long women = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/organizations/batch")
                .then().statusCode(200).body("leaders", is(2)).extract().<Number>path("ids[0]").longValue();
        given().auth().oauth2(ADMIN).get("/api/v1/organizations/" + women + "/leaders").then().statusCode(200)
                .body("items.name", contains("潘红", "丁雪")).body("items.partyCommitteeMember", contains(true, false));
    }
}
