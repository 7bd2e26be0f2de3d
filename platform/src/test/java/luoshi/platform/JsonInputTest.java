package luoshi.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * JSON is read strictly (docs/API.md, "Values"): a date is YYYY-MM-DD, a day that exists, in the years a DATE column
 * holds; a key given twice, trailing tokens and a fraction in an integer are 400s naming the field. And a Content-Type
 * that is no media type is a 415 problem, not a 500.
 */
@QuarkusTest
class JsonInputTest {

    @Test
    void aDateAsSentIsRead() {
        given().contentType(ContentType.JSON).body("{\"date\":\"2026-02-28\",\"count\":3}").post("/test/dated").then()
                .statusCode(200).body(is("2026-02-28 3"));
    }

    /** Each was read as some day by Jackson's own reader (an epoch day, a date-time's date, a year past 9999). */
    @ParameterizedTest
    @ValueSource(strings = {"20260101", "\"2026-02-28T00:00:00Z\"", "\"+999999999-12-31\"", "\"2026-02-30\"",
            "\"0999-12-31\"", "\"2026-2-28\"", "[2026,2,28]", "\"\""})
    void aDateThatIsNotOneIsA400NamingTheField(String date) {
        given().contentType(ContentType.JSON).body("{\"date\":" + date + ",\"count\":3}").post("/test/dated").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", contains("date"));
    }

    @Test
    void aKeyTwiceTrailingTokensAndAFractionInAnIntegerAre400s() {
        given().contentType(ContentType.JSON).body("{\"date\":\"2026-02-28\",\"date\":\"2026-03-01\",\"count\":3}")
                .post("/test/dated").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"date\":\"2026-02-28\",\"count\":3} {}").post("/test/dated").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"date\":\"2026-02-28\",\"count\":1e-3000}").post("/test/dated")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", contains("count"));
    }

    /** What the OpenAPI fuzz sent as "no Content-Type" (an empty header) was a 500 where an operation takes two types. */
    @ParameterizedTest
    @ValueSource(strings = {"", "/json", "text"})
    void aContentTypeThatIsNoMediaTypeIsA415Problem(String contentType) throws Exception {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(api.resolve("/test/either")).header("Content-Type", contentType)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("code,name\n")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(answer.statusCode()).as(answer.body()).isEqualTo(415);
        org.assertj.core.api.Assertions.assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> org.assertj.core.api.Assertions.assertThat(t).startsWith("application/problem+json"));
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI api;
}
