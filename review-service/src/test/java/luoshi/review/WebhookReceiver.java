package luoshi.review;

import static luoshi.security.testing.TestTokens.ADMIN;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A subscriber: a WireMock server on a dynamic port, subscribed to a region through the API. */
final class WebhookReceiver implements AutoCloseable {

    final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    final String id;
    final String secret;

    WebhookReceiver(String regionCode) {
        server.start();
        var created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"url\":\"" + server.baseUrl() + "/hook\",\"regionCode\":\"" + regionCode + "\"}")
                .post("/api/v1/webhooks").then().statusCode(201).extract();
        id = created.path("id");
        secret = created.path("secret");
    }

    List<LoggedRequest> received() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/hook")));
    }

    /** Standard Webhooks verification, written here independently of the service's code. */
    void assertSignedCorrectly(LoggedRequest r) throws Exception {
        String msgId = r.getHeader("webhook-id");
        String timestamp = r.getHeader("webhook-timestamp");
        String body = r.getBodyAsString();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((msgId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(r.getHeader("webhook-signature")).isEqualTo(expected);
        assertThat(body).contains("\"id\":\"" + msgId + "\"");
    }

    @Override
    public void close() {
        given().auth().oauth2(ADMIN).delete("/api/v1/webhooks/" + id);
        server.stop();
    }
}
