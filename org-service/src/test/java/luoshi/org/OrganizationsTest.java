package luoshi.org;

import static luoshi.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static luoshi.org.RegionsTest.ensure;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Organisations of the 11 types, the superior link, leaders and their tenure. */
@QuarkusTest
class OrganizationsTest {

    static ValidatableResponse create(String regionCode, String type, String name, Long superiorId) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"regionCode\":\"" + regionCode + "\",\"type\":\"" + type
                        + "\",\"name\":\"" + name + "\",\"superiorId\":" + superiorId + "}")
                .post("/api/v1/organizations").then();
    }

    static long organization(String regionCode, String type, String name, Long superiorId) {
        return create(regionCode, type, name, superiorId).statusCode(201).extract().<Number>path("id").longValue();
    }

    static ValidatableResponse addLeader(long organizationId, String name, String role, String employment, boolean frontline,
            String from, String to) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"employment\":\""
                        + employment + "\",\"frontline\":" + frontline + ",\"from\":\"" + from + "\",\"to\":"
                        + (to == null ? "null" : "\"" + to + "\"") + "}")
                .post("/api/v1/organizations/" + organizationId + "/leaders").then();
    }

    private static void regions() {
        RegionsTest.ensureShaoxing();
        ensure("330624", "新昌县", "COUNTY", "330600");
        ensure("330624001", "羽林街道", "TOWNSHIP", "330624");
        ensure("330681", "诸暨市", "COUNTY", "330600");
    }

    @Test
    void createsAnOrganisationUnderASuperiorOfTheSameTypeAbove() {
        regions();
        long county = organization("330624", "WOMENS_FEDERATION", "新昌县妇女联合会", null);
        create("330624001", "WOMENS_FEDERATION", "羽林街道妇女联合会", county).statusCode(201)
                .body("id", notNullValue()).body("regionCode", is("330624001")).body("type", is("WOMENS_FEDERATION"))
                .body("superiorId", is((int) county));
        given().auth().oauth2(ADMIN).queryParam("regionCode", "330624001").queryParam("type", "WOMENS_FEDERATION").get("/api/v1/organizations")
                .then().statusCode(200).body("items.name", contains("羽林街道妇女联合会")).body("total", is(1));
        given().auth().oauth2(ADMIN).queryParam("within", "330624").queryParam("type", "WOMENS_FEDERATION").get("/api/v1/organizations")
                .then().statusCode(200).body("items.name", contains("新昌县妇女联合会", "羽林街道妇女联合会"))
                .body("items.type", everyItem(is("WOMENS_FEDERATION")));
        given().auth().oauth2(ADMIN).get("/api/v1/organizations/" + county).then().statusCode(200).body("superiorId", nullValue());
    }

    @Test
    void aSuperiorOfAnotherTypeOrNotAboveIsRefused() {
        regions();
        long union = organization("330624", "UNION", "新昌县总工会", null);
        create("330624001", "RED_CROSS", "羽林街道红十字会", union).statusCode(400)
                .body("violations.field", contains("superiorId")).body("violations[0].message", containsString("UNION"));
        long zhuji = organization("330681", "RED_CROSS", "诸暨市红十字会", null);
        create("330624001", "RED_CROSS", "羽林街道红十字会", zhuji).statusCode(400)
                .body("violations.field", contains("superiorId")).body("violations[0].message", containsString("330681"));
        long qixing = organization("330624001", "CARE_FOR_NEXT_GENERATION", "羽林街道关工委", null);
        create("330624", "CARE_FOR_NEXT_GENERATION", "新昌县关工委", qixing).statusCode(400)
                .body("violations.field", contains("superiorId"));
        create("330624001", "RED_CROSS", "羽林街道红十字会", 999_999_999L).statusCode(400)
                .body("violations.field", contains("superiorId"));
        given().auth().oauth2(ADMIN).queryParam("regionCode", "330624001").queryParam("type", "RED_CROSS").get("/api/v1/organizations")
                .then().body("total", is(0));
    }

    @Test
    void anUnreadableQueryParameterIsABadRequestNamingIt() {
        given().auth().oauth2(ADMIN).queryParam("type", "UNIONS").get("/api/v1/organizations").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", is("type"))
                .body("violations[0].message", containsString("YOUTH_LEAGUE"));
        given().auth().oauth2(ADMIN).queryParam("asOf", "2025-02-30").get("/api/v1/organizations/1/leaders").then().statusCode(400)
                .body("violations[0].field", is("asOf"));
    }

    @Test
    void refusesAnUnknownRegionAMissingTypeAndADuplicate() {
        regions();
        create("330699", "UNION", "不存在", null).statusCode(400).body("violations.field", contains("regionCode"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"regionCode\":\"330624\",\"name\":\"无类型\"}").post("/api/v1/organizations")
                .then().statusCode(400).body("violations.field", contains("type"));
        organization("330624", "SCIENCE_ASSOCIATION", "新昌县科学技术协会", null);
        create("330624", "SCIENCE_ASSOCIATION", "新昌县科学技术协会", null).statusCode(409);
    }

    @Test
    void leadersHaveATenureThatEndsOnOrAfterItBegins() {
        regions();
        long youth = organization("330624001", "YOUTH_LEAGUE", "共青团羽林街道工作委员会", null);
        addLeader(youth, "张伟", "HEAD", "FULL_TIME", false, "2024-01-01", null).statusCode(201)
                .body("id", notNullValue()).body("organizationId", is((int) youth)).body("employment", is("FULL_TIME"))
                .body("from", is("2024-01-01")).body("to", nullValue());
        addLeader(youth, "李娜", "DEPUTY", "SECONDED", true, "2022-03-01", "2023-12-31").statusCode(201);
        addLeader(youth, "王芳", "DEPUTY", "PART_TIME", true, "2024-01-02", "2024-01-02").statusCode(201);
        addLeader(youth, "赵强", "MEMBER", "PART_TIME", false, "2024-05-01", "2024-04-30").statusCode(400)
                .body("violations.field", contains("to"));

        given().auth().oauth2(ADMIN).get("/api/v1/organizations/" + youth + "/leaders").then().statusCode(200)
                .body("items.name", contains("张伟", "李娜", "王芳")).body("total", is(3));
        given().auth().oauth2(ADMIN).queryParam("asOf", "2023-12-31").get("/api/v1/organizations/" + youth + "/leaders").then()
                .body("items.name", contains("李娜"));
        given().auth().oauth2(ADMIN).queryParam("role", "HEAD").get("/api/v1/organizations/" + youth + "/leaders").then()
                .body("items.name", contains("张伟"));
    }

    @Test
    void aMalformedSubtreeFilterIs400NamingIt() {
        given().auth().oauth2(ADMIN).queryParam("within", "33x").get("/api/v1/organizations").then().statusCode(400)
                .body("violations.field", contains("within"));
    }

    @Test
    void anUnknownOrganisationIs404() {
        given().auth().oauth2(ADMIN).get("/api/v1/organizations/999999999").then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/api/v1/organizations/999999999/leaders").then().statusCode(404);
        addLeader(999_999_999L, "无", "HEAD", "FULL_TIME", false, "2024-01-01", null).statusCode(404);
    }
}
