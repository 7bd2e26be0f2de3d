package luoshi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import luoshi.platform.IdempotencyKey;
import luoshi.api.common.Problem;
import org.junit.jupiter.api.Test;

/** The gateway passes a POST's Idempotency-Key to the service that owns the write, and the service's answers back. */
@QuarkusTest
class IdempotencyKeyTest extends DownstreamTest {

    private static final String RECORD = "{\"regionCode\":\"330602001\",\"category\":\"YOUTH_LEAGUE_WORK\",\"fiscalYear\":2025,"
            + "\"amount\":\"20000.00\",\"documentRef\":\"绍市财〔2025〕12号\"}";

    @Test
    void theKeyReachesTheServiceOnASingleWriteAndABatch() {
        funding.register(post(urlPathEqualTo("/api/v1/funding")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(RECORD.replace("{", "{\"id\":\"7\","))));
        funding.register(post(urlPathEqualTo("/api/v1/funding/batch")).willReturn(okJson("{\"accepted\":1}")));

        given().auth().oauth2(ADMIN).header(IdempotencyKey.HEADER, "shaoxing-2025-youth-1").contentType(ContentType.JSON)
                .body(RECORD).post("/api/v1/funding").then().statusCode(201).body("id", is("7"));
        given().auth().oauth2(ADMIN).header(IdempotencyKey.HEADER, "shaoxing-2025-youth-import-1").contentType(ContentType.JSON)
                .body("[" + RECORD + "]").post("/api/v1/funding/batch").then().statusCode(200).body("accepted", is(1));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(RECORD).post("/api/v1/funding").then().statusCode(201);

        funding.verifyThat(1, postRequestedFor(urlPathEqualTo("/api/v1/funding"))
                .withHeader(IdempotencyKey.HEADER, equalTo("shaoxing-2025-youth-1")));
        funding.verifyThat(1, postRequestedFor(urlPathEqualTo("/api/v1/funding/batch"))
                .withHeader(IdempotencyKey.HEADER, equalTo("shaoxing-2025-youth-import-1")));
        funding.verifyThat(1, postRequestedFor(urlPathEqualTo("/api/v1/funding")).withHeader(IdempotencyKey.HEADER, absent()));
    }

    @Test
    void aServicesReplayIsPassedOnAsReplayedOnASingleWriteAndABatch() {
        funding.register(post(urlPathEqualTo("/api/v1/funding")).withHeader(IdempotencyKey.HEADER, equalTo("k-replayed"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withHeader("Location", "http://funding.internal:8082/api/v1/funding/7")
                        .withHeader(IdempotencyKey.REPLAYED, "true").withBody(RECORD.replace("{", "{\"id\":\"7\","))));
        funding.register(post(urlPathEqualTo("/api/v1/funding")).withHeader(IdempotencyKey.HEADER, equalTo("k-first"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withHeader("Location", "http://funding.internal:8082/api/v1/funding/8")
                        .withBody(RECORD.replace("{", "{\"id\":\"8\","))));
        funding.register(post(urlPathEqualTo("/api/v1/funding/batch")).willReturn(okJson("{\"accepted\":1}")
                .withHeader(IdempotencyKey.REPLAYED, "true")));

        given().auth().oauth2(ADMIN).header(IdempotencyKey.HEADER, "k-replayed").contentType(ContentType.JSON).body(RECORD)
                .post("/api/v1/funding").then().statusCode(201).header(IdempotencyKey.REPLAYED, "true")
                .header("Location", endsWith("/api/v1/funding/7")).body("id", is("7"));
        given().auth().oauth2(ADMIN).header(IdempotencyKey.HEADER, "k-batch").contentType(ContentType.JSON)
                .body("[" + RECORD + "]").post("/api/v1/funding/batch").then().statusCode(200)
                .header(IdempotencyKey.REPLAYED, "true").body("accepted", is(1));
        // a first answer is not marked as a replay
        given().auth().oauth2(ADMIN).header(IdempotencyKey.HEADER, "k-first").contentType(ContentType.JSON).body(RECORD)
                .post("/api/v1/funding").then().statusCode(201).header(IdempotencyKey.REPLAYED, nullValue())
                .body("id", is("8"));
    }

    @Test
    void theServicesRefusalsOfAKeyPassThrough() {
        funding.register(post(urlPathEqualTo("/api/v1/funding")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", Problem.MEDIA_TYPE).withBody(toJson(Problem.of(422, "Unprocessable Content",
                        "The Idempotency-Key 'k-1' was used with another body at /api/v1/funding.")))));

        given().auth().oauth2(ADMIN).header(IdempotencyKey.HEADER, "k-1").contentType(ContentType.JSON).body(RECORD)
                .post("/api/v1/funding").then().statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("title", is("Unprocessable Content"));
    }
}
