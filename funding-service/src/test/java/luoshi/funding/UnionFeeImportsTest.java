package luoshi.funding;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/union-fees/batch: every row upserted as the single PUT does, all or nothing, money exact, one
 * IMPORT event. The counties of 嘉兴 (330400) and 合肥 瑶海区 (340102), used by no other test; 嵊州市 (330683) as a
 * row inside an operator's 绍兴.
 */
@QuarkusTest
class UnionFeeImportsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReplicaRows replica;

    /** The regions these tests write for, in the read copy (API.md: facts only for regions that exist). */
    @BeforeEach
    void jiaxing() {
        replica.region("330402", "南湖区").region("330411", "秀洲区").region("330421", "嘉善县").region("330424", "海盐县")
                .region("330481", "海宁市").region("330482", "平湖市").region("330483", "桐乡市").region("330683", "嵊州市")
                .region("330482001", "当湖街道");
    }

    private static ValidatableResponse post(String token, String key, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/union-fees/batch").then();
    }

    private static String row(String region, int year, String due, String collected) {
        return "{\"regionCode\":\"" + region + "\",\"year\":" + year + ",\"due\":" + due + ",\"collected\":" + collected + "}";
    }

    private static String batch(String... rows) {
        return "[" + String.join(",", rows) + "]";
    }

    private static ValidatableResponse fees(String region, int year) {
        return given().auth().oauth2(ADMIN).get("/api/v1/union-fees/" + region + "/" + year).then();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long imports() throws SQLException {
        return count("SELECT COUNT(*) FROM audit_event WHERE action = 'IMPORT' AND entity = 'union-fees'");
    }

    @Test
    void aBatchIsStoredExactlyAndAuditedAsOneImport() throws SQLException {
        long importsBefore = imports();
        post(ADMIN, null, batch(row("330402", 2025, "\"1200000.00\"", "\"1188000\""),
                row("330411", 2025, "980000.5", "12345678901.13"))).statusCode(200).body("accepted", is(2));
        fees("330402", 2025).statusCode(200).body("regionCode", is("330402")).body("year", is(2025))
                .body("due", is("1200000.00")).body("collected", is("1188000.00"));
        fees("330411", 2025).statusCode(200).body("due", is("980000.50")).body("collected", is("12345678901.13"));

        assertThat(imports()).isEqualTo(importsBefore + 1);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT change_json FROM audit_event WHERE action = 'IMPORT' AND entity = 'union-fees' ORDER BY id DESC LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            JsonPath change = JsonPath.from(rs.getString(1));
            assertThat(change.getList("after.regionCode")).containsExactly("330402", "330411");
            assertThat(change.getList("after.due")).containsExactly("1200000.00", "980000.50");
        }
    }

    @Test
    void anImportOfSeveralYearsAuditsEveryRowAsWrittenInRegionAndYearOrder() throws SQLException {
        post(ADMIN, null, batch(row("330402", 2025, "\"700.00\"", "\"600.00\""), row("330402", 2024, "\"500.00\"", "\"500.00\""),
                row("330411", 2025, "\"300.00\"", "\"100.00\""))).statusCode(200).body("accepted", is(3));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT change_json FROM audit_event WHERE action = 'IMPORT' AND entity = 'union-fees' ORDER BY id DESC LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            JsonPath change = JsonPath.from(rs.getString(1));
            // read back per year and merged: every row of both years, ordered by region and year
            assertThat(change.getList("after.regionCode")).containsExactly("330402", "330402", "330411");
            assertThat(change.getList("after.year")).containsExactly(2024, 2025, 2025);
            assertThat(change.getList("after.due")).containsExactly("500.00", "700.00", "300.00");
        }
    }

    @Test
    void aBatchUpdatesTheFeesStoredForARegionAndYear() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"due\":\"500000.00\",\"collected\":\"400000.00\"}")
                .put("/api/v1/union-fees/330421/2025").then().statusCode(200);
        post(ADMIN, null, batch(row("330421", 2025, "\"500000.00\"", "\"499999.99\""), row("330421", 2024, "1", "0")))
                .statusCode(200).body("accepted", is(2));
        fees("330421", 2025).body("due", is("500000.00")).body("collected", is("499999.99"));
        fees("330421", 2024).body("due", is("1.00")).body("collected", is("0.00"));
    }

    @Test
    void everyInvalidRowIsNamedAndNothingIsStored() throws SQLException {
        long before = count("SELECT COUNT(*) FROM union_fee");
        long importsBefore = imports();
        post(ADMIN, null, batch(row("330424", 2025, "\"10.00\"", "\"10.00\""),
                row("330424", 2024, "\"-1\"", "\"0.001\""),
                row("330424", 2023, "\"10.00\"", "\"10.00\""),
                row("3304", 1999, "\"10.00\"", "\"ten\""),
                row("330424", 2025, "\"20.00\"", "\"20.00\"")))
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("[1].collected", "[1].due", "[3].collected", "[4].year"))
                .body("violations[3].message", containsString("row 0"));
        post(ADMIN, null, batch(row("330424", 2025, "\"10.00\"", "\"10.00\""), row("3304", 1999, "\"10.00\"", "\"10.00\""),
                "{\"regionCode\":\"330424\",\"year\":2022,\"due\":\"10.00\"}"))
                .statusCode(400).body("violations.field", contains("[1].regionCode", "[1].year", "[2].collected"));
        assertThat(count("SELECT COUNT(*) FROM union_fee")).isEqualTo(before);
        assertThat(imports()).isEqualTo(importsBefore);
        fees("330424", 2025).statusCode(404);
    }

    @Test
    void aRowOutsideTheOperatorsRegionIsA403AndNothingIsStored() throws SQLException {
        long before = count("SELECT COUNT(*) FROM union_fee");
        String shaoxing = TestTokens.token("operator", "330600");
        post(shaoxing, null, batch(row("330683", 2026, "\"100.00\"", "\"100.00\""), row("330481", 2026, "\"100.00\"", "\"90.00\"")))
                .statusCode(403).contentType("application/problem+json").body("detail", startsWith("row 1: region 330481"));
        assertThat(count("SELECT COUNT(*) FROM union_fee")).isEqualTo(before);
        fees("330683", 2026).statusCode(404);
        post(shaoxing, null, batch(row("330683", 2026, "\"100.00\"", "\"100.00\""))).statusCode(200).body("accepted", is(1));
        fees("330683", 2026).statusCode(200).body("collected", is("100.00"));
    }

    @Test
    void aBatchSentAgainWithItsIdempotencyKeyAnswersAsTheFirstAndAKeyBelongsToOneEndpoint() throws SQLException {
        String first = batch(row("330482", 2023, "\"100.00\"", "\"80.00\""));
        post(ADMIN, "嘉兴-2023-union-fees-1", first).statusCode(200).body("accepted", is(1));
        post(ADMIN, "嘉兴-2023-union-fees-1", first).statusCode(200).body("accepted", is(1));
        // API.md: the same key with another body is a 422, and nothing of it is stored
        post(ADMIN, "嘉兴-2023-union-fees-1", batch(row("330482", 2023, "\"100.00\"", "\"95.00\""),
                row("330483", 2023, "\"100.00\"", "\"95.00\""))).statusCode(422);
        fees("330482", 2023).body("collected", is("80.00"));
        fees("330483", 2023).statusCode(404);
        // the funding batch claims the same key for itself
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", "嘉兴-2023-union-fees-1")
                .body("[" + FundingRecordsTest.json("330482001", "UNION_WORK", 2023, "\"7.00\"", null) + "]")
                .post("/api/v1/funding/batch").then().statusCode(200).body("accepted", is(1));
        assertThat(FundingRecordsTest.count("330482001", 2023)).isEqualTo(1);
    }

    @Test
    void aKeptComplianceAnswerSeesAnImportedBatch() {
        replica.region("340000", "安徽省").region("340100", "合肥市").region("340102", "瑶海区");
        String union = FundingRequirementsTest.UNION;
        for (int asked = 0; asked < 2; asked++) {   // the second answer is the one kept
            assertThat(Api.item("340102", 2025, FundingRequirementsTest.AFTER_DUE, union)).containsEntry("status", "NO_DATA");
        }
        post(ADMIN, null, batch(row("340102", 2025, "\"880000.00\"", "\"880000.00\""))).statusCode(200);
        assertThat(Api.item("340102", 2025, FundingRequirementsTest.AFTER_DUE, union)).containsEntry("status", "COMPLIANT")
                .containsEntry("actual", "880000.00");
    }
}
