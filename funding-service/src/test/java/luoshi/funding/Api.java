package luoshi.funding;

import static luoshi.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Collections;
import java.util.Map;

/** The calls the compliance tests make, through the HTTP API as a client would. */
final class Api {

    private Api() {
    }

    static String fund(String region, String category, int year, String amount) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(FundingRecordsTest.json(region, category, year, "\"" + amount + "\"", "绍市财〔" + year + "〕12号"))
                .post("/api/v1/funding").then().statusCode(201).extract().path("id");
    }

    static void fundMany(String region, String category, int year, String amount, int times) {
        String row = FundingRecordsTest.json(region, category, year, "\"" + amount + "\"", null);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("[" + String.join(",", Collections.nCopies(times, row)) + "]")
                .post("/api/v1/funding/batch").then().statusCode(200);
    }

    static void unionFees(String region, int year, String due, String collected) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("due", due, "collected", collected))
                .put("/api/v1/union-fees/" + region + "/" + year).then().statusCode(200);
    }

    static JsonPath items(String region, int year, String asOf) {
        return given().auth().oauth2(ADMIN).queryParam("year", year).queryParam("asOf", asOf)
                .get("/internal/v1/compliance/regions/" + region).then().statusCode(200).extract().jsonPath();
    }

    /** The item of one requirement: {@code item(…).get("status")}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> item(String region, int year, String asOf, String requirementId) {
        JsonPath all = items(region, year, asOf);
        return all.getList("items", Map.class).stream().filter(i -> requirementId.equals(i.get("requirementId")))
                .findFirst().orElseThrow(() -> new AssertionError("no item " + requirementId + " in " + all.prettify()));
    }

    static JsonPath rollup(String region, int year, String asOf) {
        return given().auth().oauth2(ADMIN).queryParam("year", year).queryParam("asOf", asOf)
                .get("/internal/v1/compliance/regions/" + region + "/rollup").then().statusCode(200).extract().jsonPath();
    }
}
