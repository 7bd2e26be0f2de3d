package luoshi.org;

import static luoshi.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import luoshi.testing.RegionsCsv;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** POST /api/v1/regions/batch: the whole national file through the API, atomicity, idempotence. */
@QuarkusTest
class RegionImportTest {

    private static final Logger LOG = Logger.getLogger(RegionImportTest.class);

    @Inject
    AgroalDataSource dataSource;

    /** docs/data/regions-cn-2023.csv, the whole country (RegionsCsv finds it). */
    static Path nationalFile() {
        return RegionsCsv.file();
    }

    @Test
    void importsTheWholeNationalFileInOneCallAndAgainChangesNothing() throws Exception {
        String csv = Files.readString(nationalFile(), StandardCharsets.UTF_8);
        long events = count("SELECT COUNT(*) FROM audit_event");
        long started = System.nanoTime();
        Response first = given().auth().oauth2(ADMIN).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/regions/batch");
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("National import of 44,700 regions through the API: %d ms", millis);
        first.then().statusCode(200).body("rows", is(44_700));
        assertThat(first.<Integer>path("created") + first.<Integer>path("updated") + first.<Integer>path("unchanged"))
                .isEqualTo(44_700);

        // one IMPORT event for the whole batch, not one per region
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(events + 1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'IMPORT' AND entity = 'region' AND entity_id IS NULL"
                + " AND JSON_LENGTH(change_json, '$.after') = " + (first.<Integer>path("created") + first.<Integer>path("updated"))))
                .isPositive();
        assertThat(count("SELECT COUNT(*) FROM region WHERE level = 'PROVINCE'")).isEqualTo(31);
        assertThat(count("SELECT COUNT(*) FROM region WHERE level = 'TOWNSHIP' AND LENGTH(code) = 9")).isGreaterThanOrEqualTo(41_352);
        // the subtree of 绍兴市 is a prefix range
        assertThat(count("SELECT COUNT(*) FROM region WHERE code LIKE '3306%' AND level = 'COUNTY'")).isEqualTo(6);
        given().auth().oauth2(ADMIN).get("/api/v1/regions/110101").then().body("parentCode", is("110100")).body("name", is("东城区"));
        given().auth().oauth2(ADMIN).get("/api/v1/regions/429004").then().body("parentCode", is("429000")).body("level", is("COUNTY"));
        given().auth().oauth2(ADMIN).get("/api/v1/regions/441900003").then().body("parentCode", is("441900")).body("name", is("东城街道"));
        given().auth().oauth2(ADMIN).queryParam("size", 500).get("/api/v1/regions/000000/children").then().body("total", is(31))
                .body("items[0].code", is("110000"));

        long versionBefore = count("SELECT version FROM feed_counter");
        given().auth().oauth2(ADMIN).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/regions/batch").then()
                .statusCode(200).body("unchanged", is(44_700)).body("created", is(0)).body("updated", is(0))
                .body("version", is((int) versionBefore));
        assertThat(count("SELECT version FROM feed_counter")).isEqualTo(versionBefore);
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(events + 1); // nothing changed, nothing recorded
    }

    @Test
    void aJsonBatchMayListChildrenBeforeTheirParents() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(List.of(
                        new Row("330602003901", "北海测试村", "VILLAGE", "330602003"),
                        new Row("330602003", "北海测试街道", "TOWNSHIP", "330602"),
                        new Row("330602", "越城区", "COUNTY", "330600"),
                        new Row("330600", "绍兴市", "CITY", "330000"),
                        new Row("330000", "浙江省", "PROVINCE", null)))
                .post("/api/v1/regions/batch").then().statusCode(200).body("rows", is(5));
        given().auth().oauth2(ADMIN).get("/api/v1/regions/330602003901").then().statusCode(200).body("parentCode", is("330602003"));
    }

    @Test
    void aBatchWithOneBadRowStoresNothing() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(List.of(
                        new Row("330000", "浙江省", "PROVINCE", null),
                        new Row("330600", "绍兴市", "CITY", "330000"),
                        new Row("330602", "越城区", "COUNTY", "330600"),
                        new Row("330602901", "原子性街道", "TOWNSHIP", "330602"),
                        new Row("330602901001", "坏村", "TOWNSHIP", "330602901")))
                .post("/api/v1/regions/batch").then().statusCode(400)
                .body("violations.field", contains("[4].level"));
        given().auth().oauth2(ADMIN).get("/api/v1/regions/330602901").then().statusCode(404);
    }

    @Test
    void anUnknownParentIsNamedByRow() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(List.of(new Row("980101", "无父区", "COUNTY", "980100")))
                .post("/api/v1/regions/batch").then().statusCode(400)
                .body("violations.field", contains("[0].parentCode"))
                .body("violations[0].message", containsString("980100"));
    }

    @Test
    void aDuplicateCodeInOneBatchIsRefused() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(List.of(
                        new Row("330000", "浙江省", "PROVINCE", null), new Row("330000", "浙江", "PROVINCE", null)))
                .post("/api/v1/regions/batch").then().statusCode(400).body("violations.field", contains("[1].code"));
    }

    @Test
    void badCsvRowsAreNamedByRowAndField() {
        String csv = "code,name,level,parentCode\n330000,浙江省,PROVINCE,\n330600,,CITY,330000\n330602,越城区,TOWN,330600\n";
        given().auth().oauth2(ADMIN).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/regions/batch").then()
                .statusCode(400).body("violations.field", contains("[1].name", "[2].level"));
        given().auth().oauth2(ADMIN).contentType("text/csv").body("code,name,kind\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/regions/batch").then().statusCode(400).body("violations.field", hasItem("header"));
    }

    record Row(String code, String name, String level, String parentCode) {
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
