package luoshi.review;

import static luoshi.testing.TestTokens.ADMIN;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.arc.Arc;
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

    /**
     * The region is in the copy while the subscription is made (a webhook names a known region), and out of it after,
     * unless it was there before: a test's reminder run meets only the regions it put there itself.
     */
    WebhookReceiver(String regionCode) {
        this(regionCode, "localhost");
    }

    /** Subscribed with a URL naming {@code urlHost}, which the test's resolver turns into this server's address. */
    WebhookReceiver(String regionCode, String urlHost) {
        server.start();
        DirectSql sql = Arc.container().instance(DirectSql.class).get();
        List<String> added = inCopy(() -> sql.putInCopy(List.of(regionCode)));
        try {
            var created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body("{\"url\":\"" + url(urlHost) + "\",\"regionCode\":\"" + regionCode + "\"}")
                    .post("/api/v1/webhooks").then().statusCode(201).extract();
            id = created.path("id");
            secret = created.path("secret");
        } finally {
            inCopy(() -> {
                sql.takeOutOfCopy(added);
                return added;
            });
        }
    }

    String url(String host) {
        return "http://" + host + ":" + server.port() + "/hook";
    }

    private interface CopyChange {
        List<String> run() throws java.sql.SQLException;
    }

    private static List<String> inCopy(CopyChange change) {
        try {
            return change.run();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<LoggedRequest> received() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/hook")));
    }

    /** Standard Webhooks verification, written here independently of the service's code; a reminder's id is the webhook-id. */
    void assertSignedCorrectly(LoggedRequest r) throws Exception {
        assertSignatureValid(r);
        assertThat(r.getBodyAsString()).contains("\"id\":\"" + r.getHeader("webhook-id") + "\"");
    }

    /** The Standard Webhooks signature alone: over webhook-id, webhook-timestamp and the raw body, with the secret. */
    void assertSignatureValid(LoggedRequest r) throws Exception {
        String msgId = r.getHeader("webhook-id");
        String timestamp = r.getHeader("webhook-timestamp");
        String body = r.getBodyAsString();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((msgId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(r.getHeader("webhook-signature")).isEqualTo(expected);
    }

    @Override
    public void close() {
        given().auth().oauth2(ADMIN).delete("/api/v1/webhooks/" + id);
        server.stop();
    }
}
