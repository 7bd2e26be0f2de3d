package luoshi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import luoshi.testing.TestTokens;

/** Calls of the gateway's public API that several system tests make, on the one {@link LuoshiSystem}. */
final class PublicApi {

    private PublicApi() {
    }

    /** A JSON call to the gateway with this token. */
    static RequestSpecification as(String token) {
        return given().baseUri(LuoshiSystem.get().gateway().toString()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Creates or updates a region as an admin of the country. */
    static void region(String code, String name, String level, String parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("level", level);
        body.put("parentCode", parent);
        int status = as(TestTokens.ADMIN).body(body).put("/api/v1/regions/" + code).then().extract().statusCode();
        assertThat(status).as("PUT /api/v1/regions/" + code).isIn(200, 201);
    }

    /** The item of one requirement in the gateway's compliance answer for the region and year, evaluated on asOf. */
    static Map<String, Object> item(String region, int year, String asOf, String requirementId) {
        JsonPath answer = as(TestTokens.ADMIN).get("/api/v1/compliance/" + region + "?year=" + year + "&asOf=" + asOf).then()
                .statusCode(200).extract().jsonPath();
        assertThat(answer.getList("incomplete")).as("services that did not answer").isEmpty();
        Map<String, Object> item = answer.getMap("items.find { it.requirementId == '" + requirementId + "' }");
        assertThat(item).as(requirementId + " of " + region + " in " + year + " on " + asOf + " in " + answer.prettify())
                .isNotNull();
        return item;
    }
}
