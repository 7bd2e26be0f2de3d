package luoshi.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private static final String RIGHTS = "330602 operator";

    private static RequestFingerprint.Request post(String query) {
        return new RequestFingerprint.Request("POST", "/api/v1/funding/batch", query, RIGHTS);
    }

    private static byte[] json(String query, String body) {
        return RequestFingerprint.of(post(query), true, body.getBytes(StandardCharsets.UTF_8));
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
        byte[] one = RequestFingerprint.of(post("asOf=2026-12-01"), true, body);
        assertThat(one).isEqualTo(RequestFingerprint.of(post("asOf=2026-12-01"), true, body.clone()))
                .isNotEqualTo(RequestFingerprint.of(post("asOf=2026-12-02"), true, body))
                .isNotEqualTo(RequestFingerprint.of(post(null), true, body))
                .isNotEqualTo(RequestFingerprint.of(new RequestFingerprint.Request("PUT", "/api/v1/funding/batch",
                        "asOf=2026-12-01", RIGHTS), true, body))
                .isNotEqualTo(RequestFingerprint.of(new RequestFingerprint.Request("POST", "/api/v1/union-fees/batch",
                        "asOf=2026-12-01", RIGHTS), true, body))
                .isNotEqualTo(RequestFingerprint.of(new RequestFingerprint.Request("POST", "/api/v1/funding/batch",
                        "asOf=2026-12-01", "330603 viewer"), true, body))
                .isNotEqualTo(RequestFingerprint.of(new RequestFingerprint.Request("POST", "/api/v1/funding/batch",
                        "asOf=2026-12-01", "330602 admin,operator"), true, body));
        // the parts are kept apart: a query cannot pass for a part of the path
        assertThat(RequestFingerprint.of(new RequestFingerprint.Request("POST", "/api/v1/a", "b", RIGHTS), true, body))
                .isNotEqualTo(RequestFingerprint.of(new RequestFingerprint.Request("POST", "/api/v1/ab", null, RIGHTS), true, body));
    }

    @Test
    void aNumberCountsByItsValue() {
        assertThat(json(null, "{\"amount\":20000.00}")).isEqualTo(json(null, "{\"amount\":20000.0}"))
                .isNotEqualTo(json(null, "{\"amount\":20000.01}"));
    }

    @Test
    void aBodyThatIsNotJsonCountsByteForByte() {
        byte[] csv = "code,name\n330602,越城区\n".getBytes(StandardCharsets.UTF_8);
        assertThat(RequestFingerprint.of(post(null), false, csv)).isEqualTo(RequestFingerprint.of(post(null), false, csv.clone()))
                .isNotEqualTo(RequestFingerprint.of(post(null), false, "code,name\n330602, 越城区\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(RequestFingerprint.of(post(null), true, "{not json".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(RequestFingerprint.of(post(null), true, "{not json ".getBytes(StandardCharsets.UTF_8)));
    }
}
