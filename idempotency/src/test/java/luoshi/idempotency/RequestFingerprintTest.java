package luoshi.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private static final String RIGHTS = "330602 operator";

    private static RequestFingerprint.Request post(String query) {
        return new RequestFingerprint.Request("POST", "/api/v1/funding/batch", query, RIGHTS);
    }

    private static byte[] json(String query, String body) {
        return of(post(query), true, body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] of(RequestFingerprint.Request request, boolean json, byte[] body) {
        return RequestFingerprint.of(request, json, () -> new ByteArrayInputStream(body));
    }

    @Test
    void theOrderOfMembersAndTheLayoutDoNotCount() {
        assertThat(json(null, "{\"regionCode\":\"330602001\",\"amount\":\"20000.00\",\"rows\":[{\"a\":1,\"b\":2}]}"))
                .isEqualTo(json(null, "{ \"amount\" : \"20000.00\",\n \"rows\":[{\"b\":2,\"a\":1}], \"regionCode\":\"330602001\" }"));
    }

    @Test
    void valuesTheOrderOfRowsAndTheQueryCount() {
        byte[] one = json(null, "[{\"amount\":\"20000.00\"},{\"amount\":\"1.00\"}]");
        assertThat(one).isNotEqualTo(json(null, "[{\"amount\":\"1.00\"},{\"amount\":\"20000.00\"}]"));
        assertThat(one).isNotEqualTo(json(null, "[{\"amount\":\"20000.01\"},{\"amount\":\"1.00\"}]"));
        assertThat(one).isNotEqualTo(json("asOf=2025-01-01", "[{\"amount\":\"20000.00\"},{\"amount\":\"1.00\"}]"));
    }

    @Test
    void theMethodThePathTheQueryStringAndTheCallersRightsCount() {
        byte[] body = "{\"amount\":\"20000.00\"}".getBytes(StandardCharsets.UTF_8);
        byte[] one = of(post("asOf=2026-12-01"), true, body);
        assertThat(one).isEqualTo(of(post("asOf=2026-12-01"), true, body.clone()))
                .isNotEqualTo(of(post("asOf=2026-12-02"), true, body))
                .isNotEqualTo(of(post(null), true, body))
                .isNotEqualTo(of(new RequestFingerprint.Request("PUT", "/api/v1/funding/batch",
                        "asOf=2026-12-01", RIGHTS), true, body))
                .isNotEqualTo(of(new RequestFingerprint.Request("POST", "/api/v1/union-fees/batch",
                        "asOf=2026-12-01", RIGHTS), true, body))
                .isNotEqualTo(of(new RequestFingerprint.Request("POST", "/api/v1/funding/batch",
                        "asOf=2026-12-01", "330603 viewer"), true, body))
                .isNotEqualTo(of(new RequestFingerprint.Request("POST", "/api/v1/funding/batch",
                        "asOf=2026-12-01", "330602 admin,operator"), true, body));
        // the parts are kept apart: a query cannot pass for a part of the path
        assertThat(of(new RequestFingerprint.Request("POST", "/api/v1/a", "b", RIGHTS), true, body))
                .isNotEqualTo(of(new RequestFingerprint.Request("POST", "/api/v1/ab", null, RIGHTS), true, body));
    }

    @Test
    void aNumberCountsByItsValue() {
        assertThat(json(null, "{\"amount\":20000.00}")).isEqualTo(json(null, "{\"amount\":20000.0}"))
                .isNotEqualTo(json(null, "{\"amount\":20000.01}"));
    }

    @Test
    void aBodyThatIsNotJsonCountsByteForByte() {
        byte[] csv = "code,name\n330602,越城区\n".getBytes(StandardCharsets.UTF_8);
        assertThat(of(post(null), false, csv)).isEqualTo(of(post(null), false, csv.clone()))
                .isNotEqualTo(of(post(null), false, "code,name\n330602, 越城区\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(of(post(null), true, "{not json".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(of(post(null), true, "{not json ".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aLargeBatchIsFingerprintedAsItIsReadAndTwoLayoutsOfItAgree() {
        StringBuilder compact = new StringBuilder("[");
        StringBuilder spaced = new StringBuilder("[\n");
        for (int i = 0; i < 50_000; i++) {
            String sep = i == 0 ? "" : ",";
            compact.append(sep).append("{\"regionCode\":\"330602").append(String.format("%03d", i % 1000))
                    .append("\",\"amount\":\"").append(i).append(".00\"}");
            spaced.append(sep).append("{ \"amount\" : \"").append(i).append(".00\", \"regionCode\" : \"330602")
                    .append(String.format("%03d", i % 1000)).append("\" }\n");
        }
        compact.append("]");
        spaced.append("]");
        assertThat(json(null, compact.toString())).isEqualTo(json(null, spaced.toString()))
                .isNotEqualTo(json(null, compact.toString().replace("\"49999.00\"", "\"49999.01\"")));
    }

    @Test
    void aTextLongerThanTheLimitMakesTheBodyCountByteForByte() {
        String longText = "[{\"title\":\"" + "长".repeat(RequestFingerprint.MAX_TEXT + 1) + "\"}]";
        assertThat(RequestFingerprint.canonical(() -> new ByteArrayInputStream(longText.getBytes(StandardCharsets.UTF_8))))
                .isNull();
        assertThat(json(null, longText)).isEqualTo(json(null, longText)).isNotEqualTo(json(null, longText.replace("[{", "[ {")));
    }
}
