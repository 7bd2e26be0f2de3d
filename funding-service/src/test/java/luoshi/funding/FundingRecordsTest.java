package luoshi.funding;

import static luoshi.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST/GET/DELETE /api/v1/funding and the batch import (API.md, Funding), on Hangzhou 西湖区's townships. */
@QuarkusTest
class FundingRecordsTest {

    @Inject
    ReplicaRows replica;

    /** The regions these tests write for, in the read copy (API.md: facts only for regions that exist). */
    @BeforeEach
    void xihu() {
        replica.region("330106", "西湖区").region("330105", "拱墅区");
        Map.of("330106004", "西溪街道", "330106005", "翠苑街道", "330106007", "古荡街道", "330106008", "西湖街道",
                "330106009", "留下街道", "330106010", "转塘街道", "330106011", "蒋村街道", "330106012", "灵隐街道",
                "330106013", "文新街道", "330106002", "北山街道").forEach(replica::region);
    }

    static String json(String region, String category, int year, String amount, String doc) {
        return "{\"regionCode\":\"" + region + "\",\"category\":\"" + category + "\",\"fiscalYear\":" + year
                + ",\"amount\":" + amount + (doc == null ? "" : ",\"documentRef\":\"" + doc + "\"") + "}";
    }

    static int count(String region, int year) {
        return given().auth().oauth2(ADMIN).queryParam("regionCode", region).queryParam("fiscalYear", year)
                .get("/api/v1/funding").then().statusCode(200).extract().path("total");
    }

    @Test
    void storesARecordAndAnswersTheAmountWithTwoDecimals() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(json("330106011", "YOUTH_LEAGUE_WORK", 2025, "\"20000\"", "绍市财〔2025〕12号"))
                .post("/api/v1/funding").then().statusCode(201)
                .body("id", matchesPattern("\\d+"))
                .body("regionCode", is("330106011")).body("category", is("YOUTH_LEAGUE_WORK"))
                .body("fiscalYear", is(2025)).body("amount", is("20000.00"))
                .body("documentRef", is("绍市财〔2025〕12号"));
    }

    @Test
    void acceptsANumberReadExactly() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(json("330106002", "WOMENS_WORK", 2025, "12345678901.13", null))
                .post("/api/v1/funding").then().statusCode(201).body("amount", is("12345678901.13"));
    }

    @Test
    void refusesBadFieldsNamingEach() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(json("33010", "YOUTH_LEAGUE_WORK", 1800, "0", null))
                .post("/api/v1/funding").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("amount", "fiscalYear", "regionCode"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(json("330106012", "YOUTH_LEAGUE_WORK", 2025, "\"1.001\"", null))
                .post("/api/v1/funding").then().statusCode(400).body("violations.field", contains("amount"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(json("330106012", "YOUTH_LEAGUE_WORK", 2025, "-5", null))
                .post("/api/v1/funding").then().statusCode(400).body("violations.field", contains("amount"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(json("330106012", "PARTY_WORK", 2025, "5", null))
                .post("/api/v1/funding").then().statusCode(400).body("violations.field", contains("category"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(json("000000", "OTHER", 2025, "5", null))
                .post("/api/v1/funding").then().statusCode(400).body("violations.field", contains("regionCode"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(json("330106012", "OTHER", 2025, "\"ten\"", null))
                .post("/api/v1/funding").then().statusCode(400).body("violations.field", contains("amount"));
        org.assertj.core.api.Assertions.assertThat(count("330106012", 2025)).isZero();
    }

    @Test
    void listsByRegionYearAndCategoryInPages() {
        for (String body : List.of(json("330106004", "YOUTH_LEAGUE_WORK", 2025, "100", "a"),
                json("330106004", "YOUTH_LEAGUE_WORK", 2025, "200", "b"),
                json("330106004", "WOMENS_WORK", 2025, "300", "c"),
                json("330106004", "YOUTH_LEAGUE_WORK", 2024, "400", "d"))) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/funding").then().statusCode(201);
        }
        given().auth().oauth2(ADMIN).queryParam("regionCode", "330106004").queryParam("fiscalYear", 2025).queryParam("category", "YOUTH_LEAGUE_WORK")
                .get("/api/v1/funding").then().statusCode(200)
                .body("total", is(2)).body("items.amount", contains("100.00", "200.00"));
        given().auth().oauth2(ADMIN).queryParam("regionCode", "330106004").queryParam("size", 3).queryParam("page", 1)
                .get("/api/v1/funding").then().statusCode(200)
                .body("total", is(4)).body("page", is(1)).body("size", is(3)).body("items.documentRef", contains("d"));
        given().auth().oauth2(ADMIN).queryParam("size", 501).get("/api/v1/funding").then().statusCode(400).body("violations.field", contains("size"));
        given().auth().oauth2(ADMIN).queryParam("category", "NOPE").get("/api/v1/funding").then().statusCode(400).body("violations.field", contains("category"));
    }

    @Test
    void deletesARecordAnd404sForAnUnknownOne() {
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(json("330106005", "OTHER", 2025, "1", null))
                .post("/api/v1/funding").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).delete("/api/v1/funding/" + id).then().statusCode(204);
        org.assertj.core.api.Assertions.assertThat(count("330106005", 2025)).isZero();
        given().auth().oauth2(ADMIN).delete("/api/v1/funding/" + id).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).delete("/api/v1/funding/not-a-number").then().statusCode(404);
    }

    @Test
    void aBatchIsStoredWhole() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(json("330106013", "YOUTH_LEAGUE_WORK", 2025, "\"0.10\"", "批" + i));
        }
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("[" + String.join(",", rows) + "]")
                .post("/api/v1/funding/batch").then().statusCode(200).body("accepted", is(3));
        given().auth().oauth2(ADMIN).queryParam("regionCode", "330106013").get("/api/v1/funding").then()
                .body("items.amount", contains("0.10", "0.10", "0.10"));
    }

    @Test
    void aBatchSentAgainWithItsIdempotencyKeyIsNotStoredAgain() {
        String body = "[" + json("330106010", "OTHER", 2025, "\"5.00\"", null) + ","
                + json("330106010", "OTHER", 2025, "\"6.00\"", null) + "]";
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", "西湖区-2025-import-1").body(body)
                    .post("/api/v1/funding/batch").then().statusCode(200).body("accepted", is(2));
        }
        org.assertj.core.api.Assertions.assertThat(count("330106010", 2025)).isEqualTo(2);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", "西湖区-2025-import-2").body(body)
                .post("/api/v1/funding/batch").then().statusCode(200).body("accepted", is(2));
        org.assertj.core.api.Assertions.assertThat(count("330106010", 2025)).isEqualTo(4);
    }

    @Test
    void aBatchWithInvalidRowsNamesEveryOneAndStoresNothing() {
        String body = "[" + String.join(",",
                json("330106007", "YOUTH_LEAGUE_WORK", 2025, "\"100.00\"", null),
                json("330106007", "YOUTH_LEAGUE_WORK", 2025, "\"abc\"", null),
                json("330106007", "YOUTH_LEAGUE_WORK", 2025, "\"100.00\"", null),
                json("3301060", "YOUTH_LEAGUE_WORK", 2025, "-1", null),
                json("330106007", "WOMENS_WORK", 2025, "0.001", null),
                "42") + "]";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/funding/batch").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("[1].amount", "[3].amount", "[3].regionCode", "[4].amount", "[5]"))
                .body("detail", containsString("[1].amount"));
        org.assertj.core.api.Assertions.assertThat(count("330106007", 2025)).isZero();
    }

    @Test
    void aBatchOfTenThousandRowsIsAcceptedAndOneMoreIsRefused() {
        String row = json("330106008", "OTHER", 2024, "\"0.01\"", null);
        String tenThousand = "[" + String.join(",", java.util.Collections.nCopies(10_000, row)) + "]";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(tenThousand).post("/api/v1/funding/batch").then()
                .statusCode(200).body("accepted", is(10_000));
        org.assertj.core.api.Assertions.assertThat(count("330106008", 2024)).isEqualTo(10_000);

        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(10_001, json("330106009", "OTHER", 2024, "1", null))) + "]";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(tooMany).post("/api/v1/funding/batch").then()
                .statusCode(413).body("detail", containsString("10,000"));
        org.assertj.core.api.Assertions.assertThat(count("330106009", 2024)).isZero();
    }

    @Test
    void unionFeesAreUpsertedAndRead() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("due", "1200000.00", "collected", "1188000"))
                .put("/api/v1/union-fees/330106/2025").then().statusCode(200)
                .body("regionCode", is("330106")).body("year", is(2025))
                .body("due", is("1200000.00")).body("collected", is("1188000.00"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"due\":1200000.00,\"collected\":1200000.5}")
                .put("/api/v1/union-fees/330106/2025").then().statusCode(200);
        given().auth().oauth2(ADMIN).get("/api/v1/union-fees/330106/2025").then().statusCode(200)
                .body("due", is("1200000.00")).body("collected", is("1200000.50"));
        given().auth().oauth2(ADMIN).get("/api/v1/union-fees/330106/2024").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unionFeesRefuseNegativeAmountsAndBadCodes() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"due\":\"-1\",\"collected\":\"0.001\"}")
                .put("/api/v1/union-fees/330105/2025").then().statusCode(400)
                .body("violations.field", contains("collected", "due"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"due\":\"1\",\"collected\":\"0\"}")
                .put("/api/v1/union-fees/3301/2025").then().statusCode(400)
                .body("violations.field", contains("regionCode"));
        given().auth().oauth2(ADMIN).get("/api/v1/union-fees/330105/2025").then().statusCode(404);
    }
}
