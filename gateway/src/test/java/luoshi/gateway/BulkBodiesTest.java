package luoshi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import luoshi.api.common.Bulk;
import luoshi.testing.RawHttp;
import luoshi.testing.TestTokens;
import luoshi.testing.Workbooks;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Bodies", at the gateway: the role is checked before the body is touched, and a bulk body goes through to the
 * service that owns it as it arrives, never held whole (client/StreamedBody), and reaches it byte for byte; a body over
 * its limit stops at the gateway.
 */
@QuarkusTest
class BulkBodiesTest extends DownstreamTest {

    private static final String REGIONS = "/api/v1/regions/batch";
    private static final String OPERATOR = TestTokens.token("operator", "000000");
    private static final String ANSWER = "{\"rows\":60000,\"created\":60000,\"updated\":0,\"unchanged\":0,\"version\":7}";

    @Test
    void aLargeBatchGoesThroughToTheServiceAsItArrivesByteForByte() throws Exception {
        org.register(post(urlPathEqualTo(REGIONS)).willReturn(okJson(ANSWER)));
        byte[] body = regions(60_000);   // about 5 MB, more rows than the service takes: the gateway does not count them
        int half = body.length / 2;
        try (RawHttp call = RawHttp.post(REGIONS, OPERATOR, "application/json", body.length)) {
            long before = Downstream.orgRelay().sent();
            assertThat(call.send(body, 0, half)).isTrue();
            // the caller has sent half: a gateway that held the body whole would have sent the service nothing yet
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (Downstream.orgRelay().sent() - before < half / 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(Downstream.orgRelay().sent() - before).as("bytes passed on to org-service while the caller had sent "
                    + half + " of " + body.length).isGreaterThanOrEqualTo(half / 2);
            assertThat(call.send(body, half, body.length - half)).isTrue();
            RawHttp.Answer answer = call.answer();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().path("created").asInt()).isEqualTo(60_000);
        }
        List<LoggedRequest> received = org.find(postRequestedFor(urlPathEqualTo(REGIONS)));
        assertThat(received).hasSize(1);
        assertThat(sha256(received.get(0).getBody())).as("the body org-service received").isEqualTo(sha256(body));
        assertThat(received.get(0).getHeader("Authorization")).isEqualTo("Bearer " + OPERATOR);
    }

    @Test
    void aViewersBatchIsA403BeforeTheBodyIsReadAndNoServiceIsCalled() {
        // a CSV of regions, and an 8 MB workbook of funding records (API.md, "Reports": the XLSX batches)
        for (String[] batch : new String[][] {{REGIONS, "text/csv"}, {"/api/v1/funding/batch", Workbooks.XLSX}}) {
            try (RawHttp call = RawHttp.post(batch[0], TestTokens.token("viewer", "330602001"), batch[1], 8_000_000)) {
                RawHttp.Answer answer = call.answer();   // no byte of the body was sent
                assertThat(answer.status()).as(batch[1] + ": " + answer).isEqualTo(403);
                assertThat(answer.isProblem()).isTrue();
                assertThat(answer.millis()).isLessThan(1_000);
            }
        }
        assertNoServiceWasCalled();
    }

    @Test
    void aBodyOverItsLimitIsA413AtTheGateway() {
        try (RawHttp call = RawHttp.post("/api/v1/funding/batch", OPERATOR, "application/json", Bulk.MAX_BYTES + 1)) {
            RawHttp.Answer answer = call.answer();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
            assertThat(answer.isProblem()).isTrue();
        }
        try (RawHttp call = RawHttp.post("/api/v1/funding", OPERATOR, "application/json", Bulk.OTHER_BYTES + 1)) {
            assertThat(call.answer().status()).isEqualTo(413);
        }
        assertNoServiceWasCalled();

        // a body that does not declare its length is passed on until it passes the limit: the caller gets the 413
        org.register(post(urlPathEqualTo(REGIONS)).willReturn(okJson(ANSWER)));
        byte[] body = new byte[(int) Bulk.MAX_BYTES + 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        long before = Downstream.orgRelay().sent();
        RawHttp.Answer answer = RawHttp.send(REGIONS, OPERATOR, "application/json", body, true);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
        assertThat(answer.isProblem()).isTrue();
        // the service never got a whole request: the gateway cut the body at the limit (counted at the relay, not by
        // asking WireMock for what it logged: a part of 15 MB or more is more than its client will read back)
        assertThat(Downstream.orgRelay().sent() - before).as("bytes passed on to org-service of a body over the limit")
                .isLessThan(body.length);
    }

    private static byte[] regions(int rows) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < rows; i++) {
            json.append(i == 0 ? "" : ",").append("{\"code\":\"").append(330602001000L + i)
                    .append("\",\"name\":\"村\",\"level\":\"VILLAGE\",\"parentCode\":\"330602001\"}");
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
