package luoshi.rules;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import luoshi.api.compliance.Requirement;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.catalog.ParameterWrites;
import luoshi.rules.catalog.RequirementCatalog;
import luoshi.testing.JwtTestResource;
import luoshi.testing.MariaDbTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = MariaDbTestResource.class, initArgs = @ResourceArg(name = "schema", value = "rules"))
@QuarkusTestResource(JwtTestResource.class)
class RequirementCatalogTest {

    @Inject
    RequirementCatalog catalog;

    @Inject
    ParameterWrites parameters;

    @Inject
    Database db;

    private static String requirement(String id, String issuer, String levels, String minAmount) {
        return """
            {"id":"%s","title":"Youth league funding per township","titleZh":"乡镇共青团工作经费",
             "source":"SHAOXING-2015 item 21","issuerRegionCode":"%s","levels":[%s],"period":"YEAR",
             "rule":{"type":"TEST_MIN_AMOUNT","category":"YOUTH_LEAGUE_WORK","minAmount":"%s"}}
            """.formatted(id, issuer, levels, minAmount);
    }

    private void create(String id, String issuer, String minAmount) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(requirement(id, issuer, "\"TOWNSHIP\"", minAmount))
                .post("/api/v1/requirements").then().statusCode(201)
                .body("id", is(id)).body("owner", is("test")).body("rule.minAmount", is(minAmount));
    }

    @Test
    void aNewRequirementIsListedAndADuplicateIsAConflict() {
        create("JIANGSU_TOWNSHIP_YOUTH", "320000", "30000.00");
        given().auth().oauth2(ADMIN).get("/api/v1/requirements").then().statusCode(200)
                .body("items.id", hasItem("JIANGSU_TOWNSHIP_YOUTH"))
                .body("items.find { it.id == 'JIANGSU_TOWNSHIP_YOUTH' }.levels", is(List.of("TOWNSHIP")))
                .body("items.find { it.id == 'JIANGSU_TOWNSHIP_YOUTH' }.titleZh", is("乡镇共青团工作经费"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(requirement("JIANGSU_TOWNSHIP_YOUTH", "320000", "\"TOWNSHIP\"", "1.00"))
                .post("/api/v1/requirements").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aRequirementOfAnotherServicesRuleTypeOrWithBadFieldsIsRefused() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(requirement("OTHER_TYPE", "320000", "\"TOWNSHIP\"", "1.00").replace("TEST_MIN_AMOUNT", "MEETING_COUNT"))
                .post("/api/v1/requirements").then().statusCode(400)
                .body("violations.field", hasItem("rule.type"));
        // a malformed region code is refused at the edge, with the one message of every region code
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(requirement("ZERO_AMOUNT", "32000", "\"TOWNSHIP\"", "1.00"))
                .post("/api/v1/requirements").then().statusCode(400)
                .body("violations.field", hasItem("issuerRegionCode"))
                .body("violations.message", hasItem(containsString("6, 9 or 12 digits")));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(requirement("ZERO_AMOUNT", "320000", "\"TOWNSHIP\"", "0"))
                .post("/api/v1/requirements").then().statusCode(400)
                .body("violations.field", hasItem("rule.minAmount"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(requirement("bad id", "320000", "", "1.00"))
                .post("/api/v1/requirements").then().statusCode(400)
                .body("violations.field", hasItem("id"))
                .body("violations.field", hasItem("levels"));
        assertThat(catalog.find("OTHER_TYPE")).isEmpty();
        assertThat(catalog.find("ZERO_AMOUNT")).isEmpty();
    }

    @Test
    void aJurisdictionMayOnlyBeStricterAndTheMostSpecificSettingWins() {
        create("SX_YOUTH", "330600", "20000.00");
        // 越城区 330602 requires 25,000 for its townships
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"minAmount\":\"25000.00\"}")
                .put("/api/v1/requirements/SX_YOUTH/parameters/330602").then().statusCode(200)
                .body("regionCode", is("330602")).body("parameters.minAmount", is("25000.00"));
        // laxer than the issuer's 20,000: refused, naming the issuer's value
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"minAmount\":19999.99}")
                .put("/api/v1/requirements/SX_YOUTH/parameters/330603").then().statusCode(400)
                .body("violations[0].field", is("minAmount"))
                .body("violations[0].message", containsString("20000.00"))
                .body("violations[0].message", containsString("330600"));
        // a township of 330602 may not go below its county's 25,000
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"minAmount\":\"24000.00\"}")
                .put("/api/v1/requirements/SX_YOUTH/parameters/330602001").then().statusCode(400)
                .body("violations[0].message", containsString("25000.00"));
        // outside the issuer's subtree, an unknown parameter, an unknown requirement
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"minAmount\":\"30000.00\"}")
                .put("/api/v1/requirements/SX_YOUTH/parameters/320000").then().statusCode(400)
                .body("violations[0].field", is("regionCode"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"category\":\"OTHER\"}")
                .put("/api/v1/requirements/SX_YOUTH/parameters/330602").then().statusCode(400)
                .body("violations[0].field", is("category"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"minAmount\":\"30000.00\"}")
                .put("/api/v1/requirements/NO_SUCH/parameters/330602").then().statusCode(404);

        Requirement r = catalog.get("SX_YOUTH");
        assertThat(catalog.current().parameters().effectiveRule(r, "330602001").get("minAmount").decimalValue()).isEqualByComparingTo("25000.00");
        assertThat(catalog.current().parameters().effectiveRule(r, "330603001").get("minAmount").decimalValue()).isEqualByComparingTo("20000.00");
        assertThat(catalog.current().applies(r, "330602001")).isTrue();
        assertThat(catalog.current().applies(r, "330602")).isFalse();        // a county: not one of the levels
        assertThat(catalog.current().applies(r, "320102001")).isFalse();     // outside 330600

        // the issuer tightens to 30,000 afterwards: the county's 25,000 can no longer be laxer
        parameters.set("SX_YOUTH", "330600", MinimumAmountJson.of("30000.00"));
        assertThat(catalog.current().parameters().effectiveRule(r, "330602001").get("minAmount").decimalValue()).isEqualByComparingTo("30000.00");
    }

    @Test
    void parameterSqlWithoutSettingsIsTheIssuersValue() throws Exception {
        create("SX_YOUTH_PLAIN", "330600", "20000.00");
        Sql expr = catalog.current().parameters().valueSql(catalog.get("SX_YOUTH_PLAIN"), "minAmount", "t.code");
        Sql missing = catalog.current().parameters().valueSql(catalog.get("SX_YOUTH_PLAIN"), "minShare", "t.code");
        List<Object[]> rows = db.list(Sql.of("SELECT :expr, :missing FROM (SELECT '330602001' code) t")
                .bind("expr", expr).bind("missing", missing), rs -> new Object[] {rs.getBigDecimal(1), rs.getObject(2)});
        assertThat(rows).hasSize(1);
        assertThat((java.math.BigDecimal) rows.get(0)[0]).isEqualByComparingTo("20000.00");
        assertThat(rows.get(0)[1]).isNull();
    }

    @Test
    void parameterSqlGivesEachRegionItsValueInOneQuery() throws Exception {
        create("SX_YOUTH_SQL", "330600", "20000.00");
        parameters.set("SX_YOUTH_SQL", "330602", MinimumAmountJson.of("25000.00"));
        parameters.set("SX_YOUTH_SQL", "330602001", MinimumAmountJson.of("26000.50"));
        Sql expr = catalog.current().parameters().valueSql(catalog.get("SX_YOUTH_SQL"), "minAmount", "t.code");
        List<String> values = db.list(Sql.of("SELECT t.code, :expr FROM (SELECT '330602001' code UNION ALL "
                + "SELECT '330602002' UNION ALL SELECT '330603001') t ORDER BY t.code").bind("expr", expr),
                rs -> rs.getString(1) + "=" + rs.getBigDecimal(2).setScale(2).toPlainString());
        assertThat(values).containsExactly("330602001=26000.50", "330602002=25000.00", "330603001=20000.00");
    }
}
