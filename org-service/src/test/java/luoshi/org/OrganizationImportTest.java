package luoshi.org;

import static luoshi.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static luoshi.org.RegionsTest.ensure;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /api/v1/organizations/batch: organisations with their leaders, all or nothing, problems named by row. */
@QuarkusTest
class OrganizationImportTest {

    private static void regions() {
        RegionsTest.ensureShaoxing();
        ensure("330603", "柯桥区", "COUNTY", "330600");
        ensure("330603003", "华舍街道", "TOWNSHIP", "330603");
        ensure("330603004", "湖塘街道", "TOWNSHIP", "330603");
    }

    static Map<String, Object> row(String regionCode, String type, String name, Long superiorId, List<Map<String, Object>> leaders) {
        return fields("regionCode", regionCode, "type", type, "name", name, "superiorId", superiorId, "leaders", leaders);
    }

    static Map<String, Object> leader(String name, String role, String employment, boolean frontline, String from, String to) {
        return fields("name", name, "role", role, "employment", employment, "frontline", frontline, "from", from, "to", to);
    }

    /** A JSON object in field order; unlike Map.of, a value may be null (sent as null). */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    static ValidatableResponse post(List<Map<String, Object>> rows) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(rows).post("/api/v1/organizations/batch").then();
    }

    static ValidatableResponse named(String regionCode, String type) {
        return given().auth().oauth2(ADMIN).queryParam("regionCode", regionCode).queryParam("type", type).get("/api/v1/organizations").then()
                .statusCode(200);
    }

    @Test
    void storesEveryOrganisationWithItsLeadersAndAnswersTheIdsInRowOrder() {
        regions();
        long county = OrganizationsTest.organization("330603", "YOUTH_LEAGUE", "共青团柯桥区委员会", null);
        ValidatableResponse answer = post(List.of(
                row("330603003", "UNION", "华舍街道总工会", null, List.of(
                        leader("陈建国", "HEAD", "FULL_TIME", false, "2023-03-01", null),
                        leader("李芳", "DEPUTY", "PART_TIME", true, "2024-01-01", "2025-06-30"))),
                row("330603003", "YOUTH_LEAGUE", "共青团华舍街道工作委员会", county, List.of(
                        leader("王磊", "HEAD", "SECONDED", false, "2022-09-01", null))),
                row("330603004", "WOMENS_FEDERATION", "湖塘街道妇女联合会", null, null)))
                .statusCode(200).body("organizations", is(3)).body("leaders", is(3)).body("ids", hasSize(3));
        List<Number> ids = answer.extract().path("ids");

        given().auth().oauth2(ADMIN).get("/api/v1/organizations/" + ids.get(0).longValue()).then().statusCode(200)
                .body("regionCode", is("330603003")).body("type", is("UNION")).body("name", is("华舍街道总工会"));
        given().auth().oauth2(ADMIN).get("/api/v1/organizations/" + ids.get(1).longValue()).then().statusCode(200)
                .body("name", is("共青团华舍街道工作委员会")).body("superiorId", is((int) county));
        given().auth().oauth2(ADMIN).get("/api/v1/organizations/" + ids.get(2).longValue()).then().statusCode(200)
                .body("regionCode", is("330603004")).body("superiorId", nullValue());

        given().auth().oauth2(ADMIN).get("/api/v1/organizations/" + ids.get(0).longValue() + "/leaders").then().statusCode(200)
                .body("items.name", contains("陈建国", "李芳")).body("items.role", contains("HEAD", "DEPUTY"))
                .body("items.employment", contains("FULL_TIME", "PART_TIME")).body("items.frontline", contains(false, true))
                .body("items.from", contains("2023-03-01", "2024-01-01")).body("items[1].to", is("2025-06-30"));
        given().auth().oauth2(ADMIN).queryParam("asOf", "2025-12-31").get("/api/v1/organizations/" + ids.get(0).longValue() + "/leaders").then()
                .body("items.name", contains("陈建国"));
        given().auth().oauth2(ADMIN).get("/api/v1/organizations/" + ids.get(1).longValue() + "/leaders").then()
                .body("items.name", contains("王磊")).body("items.employment", contains("SECONDED"));
        given().auth().oauth2(ADMIN).get("/api/v1/organizations/" + ids.get(2).longValue() + "/leaders").then().body("total", is(0));
    }

    @Test
    void aBatchWithInvalidRowsStoresNothingAndNamesEachRow() {
        regions();
        long union = OrganizationsTest.organization("330603", "UNION", "柯桥区总工会（批量导入）", null);
        post(List.of(
                row("330603003", "SCIENCE_ASSOCIATION", "华舍街道科学技术协会", null, List.of(
                        leader("赵敏", "HEAD", "FULL_TIME", false, "2024-01-01", null))),
                row("330603003", "RED_CROSS", "华舍街道红十字会", null, List.of(
                        leader("钱伟", "HEAD", "FULL_TIME", false, "2024-05-01", null),
                        leader("孙丽", "DEPUTY", "FULL_TIME", false, "2024-05-01", "2024-04-30"))),
                row("330699001", "RED_CROSS", "不存在街道红十字会", null, null),
                row("330603004", "RED_CROSS", "湖塘街道红十字会", union, null),
                row("330603003", "SCIENCE_ASSOCIATION", "华舍街道科学技术协会", null, null)))
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("[1].leaders[1].to", "[2].regionCode", "[3].superiorId", "[4].name"))
                .body("violations[1].message", containsString("330699001"))
                .body("violations[2].message", containsString("UNION"))
                .body("violations[3].message", containsString("row 0"));
        named("330603003", "SCIENCE_ASSOCIATION").body("total", is(0));
        named("330603003", "RED_CROSS").body("total", is(0));
        named("330603004", "RED_CROSS").body("total", is(0));
    }

    @Test
    void aRowThatFailsBeanValidationIsNamedByItsIndex() {
        regions();
        Map<String, Object> noType = row("330603004", null, "湖塘街道关工委", null, null);
        post(List.of(row("330603004", "CARE_FOR_NEXT_GENERATION", "湖塘街道关心下一代工作委员会", null, null), noType,
                row("330603004", "RED_CROSS", "湖塘街道红十字会分会", null, List.of(leader("周强", null, "FULL_TIME", false,
                        "2024-01-01", null)))))
                .statusCode(400).body("violations.field", contains("[1].type", "[2].leaders[0].role"));
        named("330603004", "CARE_FOR_NEXT_GENERATION").body("total", is(0));
    }

    @Test
    void aRowRepeatingAStoredOrganisationIsAConflictAndNothingIsStored() {
        regions();
        OrganizationsTest.organization("330603004", "DISABLED_PERSONS_FEDERATION", "湖塘街道残疾人联合会", null);
        post(List.of(row("330603003", "DISABLED_PERSONS_FEDERATION", "华舍街道残疾人联合会", null, null),
                row("330603004", "DISABLED_PERSONS_FEDERATION", "湖塘街道残疾人联合会", null, null)))
                .statusCode(409).body("detail", containsString("[1]")).body("detail", containsString("湖塘街道残疾人联合会"));
        named("330603003", "DISABLED_PERSONS_FEDERATION").body("total", is(0));
    }

    @Test
    void aBatchIsAtMostTenThousandOrganisations() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            rows.add(row("330603003", "RED_CROSS", "红十字会" + i, null, null));
        }
        // read as a stream: the 10,001st row is a 413, the rest of the body unread
        post(rows).statusCode(413).contentType("application/problem+json").body("detail", containsString("10,000"));
        named("330603003", "RED_CROSS").body("total", is(0));
    }
}
