package luoshi.org;

import static luoshi.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** PUT/GET of single regions and their children: the code rules, the special cases and the rejections. */
@QuarkusTest
class RegionsTest {

    static ValidatableResponse put(String code, String body) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).put("/api/v1/regions/" + code).then();
    }

    static String region(String name, String level, String parent) {
        return "{\"name\":\"" + name + "\",\"level\":\"" + level + "\",\"parentCode\":"
                + (parent == null ? "null" : "\"" + parent + "\"") + "}";
    }

    static void ensure(String code, String name, String level, String parent) {
        int status = put(code, region(name, level, parent)).extract().statusCode();
        if (status != 200 && status != 201) {
            throw new AssertionError("PUT " + code + " answered " + status);
        }
    }

    static void ensureShaoxing() {
        ensure("330000", "浙江省", "PROVINCE", null);
        ensure("330600", "绍兴市", "CITY", "330000");
        ensure("330602", "越城区", "COUNTY", "330600");
    }

    @Test
    void createsThenUpdatesAVillage() {
        ensureShaoxing();
        ensure("330602001", "塔山街道", "TOWNSHIP", "330602");
        put("330602001901", region("测试社区", "VILLAGE", "330602001")).statusCode(201)
                .body("code", is("330602001901")).body("name", is("测试社区")).body("level", is("VILLAGE"))
                .body("parentCode", is("330602001"));
        put("330602001901", region("测试新社区", "VILLAGE", "330602001")).statusCode(200).body("name", is("测试新社区"));
        given().auth().oauth2(ADMIN).get("/api/v1/regions/330602001901").then().statusCode(200).body("name", is("测试新社区"));
    }

    @Test
    void aProvinceHasNoParent() {
        put("330000", region("浙江省", "PROVINCE", null)).statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .body("parentCode", nullValue());
        put("330000", region("浙江省", "PROVINCE", "000000")).statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("parentCode"));
    }

    @Test
    void theLevelMustFitTheCode() {
        ensureShaoxing();
        put("330602", region("越城区", "CITY", "330600")).statusCode(400)
                .body("violations.field", contains("level"))
                .body("violations[0].message", containsString("COUNTY"));
    }

    @Test
    void theParentMustBeTheOneTheCodeImplies() {
        ensureShaoxing();
        put("330602", region("越城区", "COUNTY", "330000")).statusCode(400)
                .body("violations.field", contains("parentCode"))
                .body("violations[0].message", containsString("330600"));
    }

    @Test
    void theParentMustExist() {
        put("990100", region("不存在市", "CITY", "990000")).statusCode(400)
                .body("violations.field", contains("parentCode"))
                .body("violations[0].message", containsString("990000"));
        given().auth().oauth2(ADMIN).get("/api/v1/regions/990100").then().statusCode(404);
    }

    @Test
    void aMalformedCodeIsRefused() {
        put("33060", region("短码", "COUNTY", "330600")).statusCode(400).body("violations.field", contains("code"));
        put("33060a", region("字母", "COUNTY", "330600")).statusCode(400).body("violations.field", contains("code"));
        put("1234567", region("七位", "COUNTY", "123400")).statusCode(400).body("violations.field", contains("code"));
    }

    @Test
    void aBlankNameOrMissingLevelIsRefused() {
        put("330602", "{\"name\":\" \",\"level\":null,\"parentCode\":\"330600\"}").statusCode(400)
                .body("violations.field", contains("level", "name"));
        put("330602", "{\"name\":\"越城区\",\"level\":\"DISTRICT\",\"parentCode\":\"330600\"}").statusCode(400)
                .body("violations.field", contains("level"));
    }

    @Test
    void theCountryIsReadableButNeverWritten() {
        put("000000", region("中国", "PROVINCE", null)).statusCode(400).body("violations.field", contains("code"));
        given().auth().oauth2(ADMIN).get("/api/v1/regions/000000").then().statusCode(200)
                .body("code", is("000000")).body("name", is("中华人民共和国")).body("level", nullValue());
        ensure("330000", "浙江省", "PROVINCE", null);
        given().auth().oauth2(ADMIN).queryParam("size", 500).get("/api/v1/regions/000000/children").then().statusCode(200)
                .body("items.code", hasItem("330000")).body("items.level", org.hamcrest.Matchers.everyItem(is("PROVINCE")));
    }

    @Test
    void municipalitiesHaveACityLevelGroup() {
        // 北京市 110000 → 市辖区 110100 → 东城区 110101
        ensure("110000", "北京市", "PROVINCE", null);
        put("110101", region("东城区", "COUNTY", "110000")).statusCode(400).body("violations.field", contains("parentCode"));
        ensure("110100", "市辖区", "CITY", "110000");
        ensure("110101", "东城区", "COUNTY", "110100");
        given().auth().oauth2(ADMIN).get("/api/v1/regions/110100/children").then().statusCode(200).body("items.code", hasItem("110101"));
    }

    @Test
    void countyLevelUnitsUnderAProvinceSitInTheirGroup() {
        // 湖北省 420000 → 省直辖县级行政区划 429000 → 仙桃市 429004
        ensure("420000", "湖北省", "PROVINCE", null);
        ensure("429000", "省直辖县级行政区划", "CITY", "420000");
        put("429004", region("仙桃市", "CITY", "429000")).statusCode(400).body("violations.field", contains("level"));
        ensure("429004", "仙桃市", "COUNTY", "429000");
        given().auth().oauth2(ADMIN).get("/api/v1/regions/429004").then().body("parentCode", is("429000")).body("level", is("COUNTY"));
    }

    @Test
    void townshipsOfACityWithNoCountyLevelSitUnderTheCity() {
        // 广东省 440000 → 东莞市 441900 → 东城街道 441900003
        ensure("440000", "广东省", "PROVINCE", null);
        ensure("441900", "东莞市", "CITY", "440000");
        ensure("441900003", "东城街道", "TOWNSHIP", "441900");
        given().auth().oauth2(ADMIN).get("/api/v1/regions/441900/children").then().statusCode(200).body("items.code", hasItem("441900003"));
    }

    @Test
    void childrenArePagedAndSortedByCode() {
        ensureShaoxing();
        ensure("330602002", "府山街道", "TOWNSHIP", "330602");
        ensure("330602002003", "第三社区", "VILLAGE", "330602002");
        ensure("330602002001", "第一社区", "VILLAGE", "330602002");
        ensure("330602002002", "第二社区", "VILLAGE", "330602002");
        given().auth().oauth2(ADMIN).queryParam("size", 2).get("/api/v1/regions/330602002/children").then().statusCode(200)
                .body("items.code", contains("330602002001", "330602002002")).body("size", is(2)).body("page", is(0))
                .body("total", is(3));
        given().auth().oauth2(ADMIN).queryParam("size", 2).queryParam("page", 1).get("/api/v1/regions/330602002/children").then()
                .body("items.code", contains("330602002003"));
        given().auth().oauth2(ADMIN).queryParam("size", 501).get("/api/v1/regions/330602/children").then().statusCode(400)
                .body("violations.field", contains("size"));
    }

    @Test
    void anUnknownRegionIs404() {
        given().auth().oauth2(ADMIN).get("/api/v1/regions/330699").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).get("/api/v1/regions/330699/children").then().statusCode(404);
    }
}
