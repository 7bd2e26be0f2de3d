package luoshi.org;

import static io.restassured.RestAssured.given;
import static luoshi.org.RegionsTest.ensure;
import static luoshi.org.RegionsTest.region;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 in org-service: a caller acts only with a good token, in its role and in its subtree, and
 * every write leaves one audit event (a batch: one IMPORT event). The callers act in 嵊州市 (330683);
 * 上虞区 (330604) lies outside. Villages numbered 9xx are fresh for this class.
 */
@QuarkusTest
class SecurityTest {

    private static final String SHENGZHOU = "330683";
    private static final String SANJIE = "330683104"; // 三界镇, inside
    private static final String XIANYAN = "330683107"; // 仙岩镇, inside
    private static final String LIANGHU = "330604005"; // 梁湖街道, in 上虞区: outside

    private static final String VIEWER = TestTokens.token("viewer", SHENGZHOU);
    private static final String OPERATOR = TestTokens.token("operator", SHENGZHOU, "zhang.san@330683");
    private static final String SHENGZHOU_ADMIN = TestTokens.token("admin", SHENGZHOU);

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void regions() {
        RegionsTest.ensureShaoxing();
        ensure(SHENGZHOU, "嵊州市", "COUNTY", "330600");
        ensure(SANJIE, "三界镇", "TOWNSHIP", SHENGZHOU);
        ensure(XIANYAN, "仙岩镇", "TOWNSHIP", SHENGZHOU);
        ensure("330604", "上虞区", "COUNTY", "330600");
        ensure(LIANGHU, "梁湖街道", "TOWNSHIP", "330604");
    }

    @Test
    void aCallWithoutAGoodTokenIs401() {
        given().get("/api/v1/regions/" + SANJIE).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        for (String bad : List.of(TestTokens.expired("admin", "000000"), TestTokens.tampered("viewer", SHENGZHOU),
                TestTokens.foreign("admin", "000000"))) {
            given().auth().oauth2(bad).get("/api/v1/regions/" + SANJIE).then().statusCode(401);
            given().auth().oauth2(bad).contentType(ContentType.JSON).body(region("三界测试村", "VILLAGE", SANJIE))
                    .put("/api/v1/regions/330683104901").then().statusCode(401);
            given().auth().oauth2(bad).get("/internal/v1/region-feed").then().statusCode(401);
        }
        given().auth().oauth2(ADMIN).get("/api/v1/regions/330683104901").then().statusCode(404);
    }

    @Test
    void aTokenWithoutTheAudienceFromTheFutureOrLivingTooLongIs401SayingWhy() {
        // JwtTestResource configures the audience (luoshi.security.audience, LUOSHI_JWT_AUDIENCE in production)
        Map<String, String> refusals = Map.of(
                TestTokens.withoutAudience("admin", "000000"), "aud claim must name " + TestTokens.AUDIENCE,
                TestTokens.issuedInTheFuture("admin", "000000"), "issued in the future",
                TestTokens.livingLongerThanADay("admin", "000000"), "lives longer than the 86400 s");
        refusals.forEach((token, why) -> {
            given().auth().oauth2(token).get("/api/v1/regions/" + SANJIE).then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                    .body("detail", containsString(why));
            given().auth().oauth2(token).contentType(ContentType.JSON).body(region("三界测试村", "VILLAGE", SANJIE))
                    .put("/api/v1/regions/330683104902").then().statusCode(401);
        });
        given().auth().oauth2(ADMIN).get("/api/v1/regions/330683104902").then().statusCode(404);
        given().auth().oauth2(TestTokens.token("admin", "000000")).get("/api/v1/regions/" + SANJIE).then().statusCode(200);
    }

    @Test
    void aViewerReadsItsSubtreeAndWritesNothing() {
        long regions = count("SELECT COUNT(*) FROM region");
        long events = count("SELECT COUNT(*) FROM audit_event");
        given().auth().oauth2(VIEWER).get("/api/v1/regions/" + SANJIE).then().statusCode(200).body("name", is("三界镇"));
        given().auth().oauth2(VIEWER).contentType(ContentType.JSON).body(region("三界测试村", "VILLAGE", SANJIE))
                .put("/api/v1/regions/330683104902").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("operator"));
        putPopulation(VIEWER, SANJIE, 2021, 30000).statusCode(403);
        createOrganization(VIEWER, SANJIE, "三界镇科学技术协会(观察)").statusCode(403);
        assertThat(count("SELECT COUNT(*) FROM region")).isEqualTo(regions);
        assertThat(count("SELECT COUNT(*) FROM population WHERE region_code = '" + SANJIE + "' AND year = 2021")).isZero();
        assertThat(count("SELECT COUNT(*) FROM organization WHERE name = '三界镇科学技术协会(观察)'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(events);
    }

    /**
     * API.md, Security: the assessor (a third party, 第三方评估) reads in its subtree and holds no write of facts; its role
     * is refused before the body is read, like a viewer's.
     */
    @Test
    void anAssessorReadsItsSubtreeAndWritesNoFact() {
        String assessor = TestTokens.token("assessor", SHENGZHOU);
        long events = count("SELECT COUNT(*) FROM audit_event");
        given().auth().oauth2(assessor).get("/api/v1/regions/" + SANJIE).then().statusCode(200).body("name", is("三界镇"));
        given().auth().oauth2(assessor).get("/api/v1/regions/" + LIANGHU).then().statusCode(403);
        given().auth().oauth2(assessor).contentType(ContentType.JSON).body(region("三界测试村", "VILLAGE", SANJIE))
                .put("/api/v1/regions/330683104905").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("operator or admin"));
        putPopulation(assessor, SANJIE, 2022, 30000).statusCode(403);
        createOrganization(assessor, SANJIE, "三界镇科学技术协会(评估)").statusCode(403);
        given().auth().oauth2(assessor).contentType("text/csv").body("regionCode,year,total\n330683104,2022,1\n")
                .post("/api/v1/regions/population/batch").then().statusCode(403);
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(events);
    }

    @Test
    void anOperatorWritesOnlyBelowItsOwnRegionAndInsideItsSubtree() {
        long outside = count("SELECT COUNT(*) FROM region WHERE code LIKE '330604%'");
        putRegion(OPERATOR, "330683104903", "三界一村", SANJIE).statusCode(201);
        putRegion(OPERATOR, SHENGZHOU, "嵊州市", "330600", "COUNTY").statusCode(403)
                .body("detail", containsString("your own region"));
        putRegion(OPERATOR, "330604005903", "梁湖一村", LIANGHU).statusCode(403)
                .body("detail", containsString("outside your region 330683"));
        putPopulation(OPERATOR, LIANGHU, 2021, 40000).statusCode(403);
        createOrganization(OPERATOR, LIANGHU, "梁湖街道科学技术协会(越权)").statusCode(403);
        given().auth().oauth2(OPERATOR).get("/api/v1/regions/" + LIANGHU).then().statusCode(403);

        assertThat(count("SELECT COUNT(*) FROM region WHERE code LIKE '330604%'")).isEqualTo(outside);
        assertThat(count("SELECT COUNT(*) FROM population WHERE region_code = '" + LIANGHU + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM organization WHERE name = '梁湖街道科学技术协会(越权)'")).isZero();
    }

    @Test
    void aBatchWithOneRowOutsideIsRefusedNamingTheRowAndStoresNothing() {
        long events = count("SELECT COUNT(*) FROM audit_event");
        String json = "[" + row("330683104904", "三界二村", SANJIE) + "," + row("330604005904", "梁湖二村", LIANGHU) + "]";
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(json).post("/api/v1/regions/batch").then()
                .statusCode(403).body("detail", startsWith("row [1]: region 330604005904"));
        String csv = "code,name,level,parentCode\n330683104904,三界二村,VILLAGE,330683104\n330604005904,梁湖二村,VILLAGE,330604005\n";
        given().auth().oauth2(OPERATOR).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/regions/batch").then().statusCode(403).body("detail", startsWith("row [1]:"));
        // the operator's own region is no region below it
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body("[" + row("330683104904", "三界二村", SANJIE) + ",{\"code\":\"330683\",\"name\":\"嵊州市\",\"level\":\"COUNTY\","
                        + "\"parentCode\":\"330600\"}]")
                .post("/api/v1/regions/batch").then().statusCode(403).body("detail", startsWith("row [1]: region 330683 is your own"));
        assertThat(count("SELECT COUNT(*) FROM region WHERE code IN ('330683104904', '330604005904')")).isZero();

        String population = "regionCode,year,total\n330683104,2020,31000\n330683107,2020,22000\n330604005,2020,45000\n";
        given().auth().oauth2(OPERATOR).contentType("text/csv").body(population.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/regions/population/batch").then().statusCode(403).body("detail", startsWith("row [2]:"));
        assertThat(count("SELECT COUNT(*) FROM population WHERE year = 2020 AND region_code IN ('330683104', '330683107')"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(events);
    }

    @Test
    void listsAndReadsAreNarrowedToTheCallersSubtree() {
        long inside = organizationId(ADMIN, SANJIE, "三界镇科学技术协会");
        long outside = organizationId(ADMIN, LIANGHU, "梁湖街道科学技术协会");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(leader("钱进", "2023-01-01"))
                .post("/api/v1/organizations/" + outside + "/leaders").then().statusCode(201);

        // no region asked: the caller's own subtree, never the whole country
        given().auth().oauth2(VIEWER).queryParam("size", 500).get("/api/v1/organizations").then().statusCode(200)
                .body("items.id", hasItem((int) inside)).body("items.id", not(hasItem((int) outside)))
                .body("items.regionCode", everyItem(startsWith(SHENGZHOU)));
        given().auth().oauth2(VIEWER).queryParam("within", SHENGZHOU).get("/api/v1/organizations").then().statusCode(200)
                .body("items.id", hasItem((int) inside));
        given().auth().oauth2(VIEWER).queryParam("regionCode", SANJIE).get("/api/v1/organizations").then().statusCode(200)
                .body("items.id", hasItem((int) inside));
        given().auth().oauth2(VIEWER).queryParam("within", "330600").get("/api/v1/organizations").then().statusCode(403);
        given().auth().oauth2(VIEWER).queryParam("regionCode", LIANGHU).get("/api/v1/organizations").then().statusCode(403);

        given().auth().oauth2(VIEWER).get("/api/v1/organizations/" + inside).then().statusCode(200);
        given().auth().oauth2(VIEWER).get("/api/v1/organizations/" + outside).then().statusCode(403);
        given().auth().oauth2(VIEWER).get("/api/v1/organizations/" + outside + "/leaders").then().statusCode(403);
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(leader("孙越", "2024-01-01"))
                .post("/api/v1/organizations/" + outside + "/leaders").then().statusCode(403);
        assertThat(count("SELECT COUNT(*) FROM leader WHERE organization_id = " + outside)).isEqualTo(1);

        given().auth().oauth2(VIEWER).get("/api/v1/regions/" + SHENGZHOU + "/children").then().statusCode(200)
                .body("items.code", hasItem(SANJIE));
        given().auth().oauth2(VIEWER).get("/api/v1/regions/000000/children").then().statusCode(403);
        given().auth().oauth2(VIEWER).get("/api/v1/regions/330604/children").then().statusCode(403);
        given().auth().oauth2(VIEWER).get("/api/v1/regions/" + LIANGHU + "/population/2021").then().statusCode(403);
    }

    @Test
    void internalEndpointsServeTheirCallersOnly() {
        given().auth().oauth2(ADMIN).get("/internal/v1/region-feed").then().statusCode(403);
        given().auth().oauth2(TestTokens.service()).queryParam("limit", 1).get("/internal/v1/region-feed").then().statusCode(200);
        given().auth().oauth2(ADMIN).queryParam("asOf", "2026-11-22").queryParam("dueFrom", "2026-11-01")
                .queryParam("dueTo", "2026-11-30").get("/internal/v1/compliance/open-items").then().statusCode(403);

        // the gateway forwards the caller's own token for a region's items and rollup
        given().auth().oauth2(VIEWER).queryParam("year", 2025).get("/internal/v1/compliance/regions/" + SANJIE).then()
                .statusCode(200);
        given().auth().oauth2(VIEWER).queryParam("year", 2025).get("/internal/v1/compliance/regions/" + LIANGHU).then()
                .statusCode(403);
        given().auth().oauth2(VIEWER).queryParam("year", 2025).get("/internal/v1/compliance/regions/330600/rollup").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.service()).queryParam("year", 2025).get("/internal/v1/compliance/regions/330600/rollup")
                .then().statusCode(200);
        given().auth().oauth2(VIEWER).get("/internal/v1/compliance/requirements").then().statusCode(200);
    }

    @Test
    void adminOnlyEndpointsRefuseAnOperator() {
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("{\"minShare\":\"0.5\"}")
                .put("/api/v1/requirements/FRONTLINE_SHARE/parameters/" + SHENGZHOU).then().statusCode(403);
        given().auth().oauth2(OPERATOR).queryParam("limit", 50).get("/internal/v1/audit").then().statusCode(403);
        assertThat(count("SELECT COUNT(*) FROM requirement_parameter WHERE region_code = '" + SHENGZHOU + "'")).isZero();
    }

    @Test
    void everyWriteIsAuditedWithItsActorAndChange() {
        putRegion(OPERATOR, "330683107901", "仙岩一村", XIANYAN).statusCode(201);
        putRegion(OPERATOR, "330683107901", "仙岩新村", XIANYAN).statusCode(200);
        putPopulation(OPERATOR, XIANYAN, 2024, 21000).statusCode(200);
        long organization = organizationId(OPERATOR, XIANYAN, "仙岩镇科学技术协会");
        long leader = given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body(leader("吴桐", "2024-01-01"))
                .post("/api/v1/organizations/" + organization + "/leaders").then().statusCode(201)
                .extract().<Number>path("id").longValue();
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body("[" + row("330683107902", "仙岩二村", XIANYAN) + "," + row("330683107903", "仙岩三村", XIANYAN) + "]")
                .post("/api/v1/regions/batch").then().statusCode(200).body("created", is(2));
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON)
                .body("[{\"regionCode\":\"330683107902\",\"year\":2024,\"total\":900},"
                        + "{\"regionCode\":\"330683107903\",\"year\":2024,\"total\":800}]")
                .post("/api/v1/regions/population/batch").then().statusCode(200).body("created", is(2));

        List<Map<String, Object>> events = events(SHENGZHOU_ADMIN);
        assertThat(events).allSatisfy(e -> assertThat(e.get("regionCode").toString()).startsWith(SHENGZHOU));
        Map<String, Object> created = event(events, "CREATE", "region", "330683107901");
        assertThat(created).containsEntry("actor", "zhang.san@330683").containsEntry("regionCode", "330683107901")
                .containsEntry("service", "org");
        assertThat(change(created, "after")).containsEntry("name", "仙岩一村").containsEntry("parentCode", XIANYAN);
        assertThat(change(created, "before")).isNull();
        Map<String, Object> renamed = event(events, "UPDATE", "region", "330683107901");
        assertThat(change(renamed, "before")).containsEntry("name", "仙岩一村");
        assertThat(change(renamed, "after")).containsEntry("name", "仙岩新村");
        assertThat(change(event(events, "CREATE", "population", XIANYAN + "/2024"), "after")).containsEntry("total", 21000);
        assertThat(event(events, "CREATE", "organization", String.valueOf(organization))).containsEntry("regionCode", XIANYAN);
        assertThat(change(event(events, "CREATE", "leader", String.valueOf(leader)), "after")).containsEntry("name", "吴桐");

        // a batch is one IMPORT event holding its rows, in the region that covers them
        Map<String, Object> regionImport = event(events, "IMPORT", "region", null);
        assertThat(regionImport).containsEntry("regionCode", XIANYAN).containsEntry("actor", "zhang.san@330683");
        assertThat(changeRows(regionImport, "after")).extracting(r -> r.get("code"))
                .containsExactlyInAnyOrder("330683107902", "330683107903");
        assertThat(changeRows(event(events, "IMPORT", "population", null), "after")).hasSize(2);
        assertThat(events).filteredOn(e -> e.get("change").toString().contains("330683107902")).hasSize(2); // regions, population
    }

    @Test
    void aRefusedWriteLeavesNoEvent() {
        long events = count("SELECT COUNT(*) FROM audit_event");
        putRegion(OPERATOR, "330604005905", "梁湖三村", LIANGHU).statusCode(403);
        putPopulation(OPERATOR, LIANGHU, 2022, 45000).statusCode(403);
        createOrganization(OPERATOR, LIANGHU, "梁湖街道科学技术协会(拒绝)").statusCode(403);
        // inside the subtree, but its parent is unknown: refused by the rules, nothing written
        given().auth().oauth2(OPERATOR).contentType(ContentType.JSON).body("[" + row("330683104906", "三界六村", "330683199") + "]")
                .post("/api/v1/regions/batch").then().statusCode(400);
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(events);
    }

    @Test
    void theAuditTrailIsAppendOnly() throws SQLException {
        putRegion(OPERATOR, "330683104907", "三界七村", SANJIE).statusCode(201);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET actor = 'someone.else'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE actor = 'zhang.san@330683'")).isPositive();
    }

    private static ValidatableResponse putRegion(String token, String code, String name, String parent) {
        return putRegion(token, code, name, parent, "VILLAGE");
    }

    private static ValidatableResponse putRegion(String token, String code, String name, String parent, String level) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(region(name, level, parent))
                .put("/api/v1/regions/" + code).then();
    }

    private static ValidatableResponse putPopulation(String token, String code, int year, long total) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"total\":" + total + "}")
                .put("/api/v1/regions/" + code + "/population/" + year).then();
    }

    private static ValidatableResponse createOrganization(String token, String regionCode, String name) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"" + regionCode + "\",\"type\":\"SCIENCE_ASSOCIATION\",\"name\":\"" + name + "\"}")
                .post("/api/v1/organizations").then();
    }

    private static long organizationId(String token, String regionCode, String name) {
        return createOrganization(token, regionCode, name).statusCode(201).extract().<Number>path("id").longValue();
    }

    private static String row(String code, String name, String parent) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\"VILLAGE\",\"parentCode\":\"" + parent + "\"}";
    }

    private static String leader(String name, String from) {
        return "{\"name\":\"" + name + "\",\"role\":\"MEMBER\",\"employment\":\"PART_TIME\",\"frontline\":true,\"from\":\""
                + from + "\",\"to\":null}";
    }

    /** The newest 50 events of the admin's subtree, newest first. */
    private static List<Map<String, Object>> events(String admin) {
        return given().auth().oauth2(admin).queryParam("limit", 50).get("/internal/v1/audit").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    static Map<String, Object> event(List<Map<String, Object>> events, String action, String entity, String id) {
        return events.stream().filter(e -> action.equals(e.get("action")) && entity.equals(e.get("entity"))
                        && Objects.equals(id, e.get("entityId")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + action + " " + entity + " " + id + " in " + events));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> change(Map<String, Object> event, String side) {
        return (Map<String, Object>) ((Map<String, Object>) event.get("change")).get(side);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> changeRows(Map<String, Object> event, String side) {
        return (List<Map<String, Object>>) ((Map<String, Object>) event.get("change")).get(side);
    }

    private long count(String sql) {
        return count(dataSource, sql);
    }

    static long count(AgroalDataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
