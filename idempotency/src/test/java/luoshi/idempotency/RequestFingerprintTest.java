package luoshi.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private static byte[] json(String query, String body) {
        return RequestFingerprint.of(query, true, body.getBytes(StandardCharsets.UTF_8));
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
    void aNumberCountsByItsValue() {
        assertThat(json(null, "{\"amount\":20000.00}")).isEqualTo(json(null, "{\"amount\":20000.0}"))
                .isNotEqualTo(json(null, "{\"amount\":20000.01}"));
    }

    @Test
    void aBodyThatIsNotJsonCountsByteForByte() {
        byte[] csv = "code,name\n330602,越城区\n".getBytes(StandardCharsets.UTF_8);
        assertThat(RequestFingerprint.of(null, false, csv)).isEqualTo(RequestFingerprint.of(null, false, csv.clone()))
                .isNotEqualTo(RequestFingerprint.of(null, false, "code,name\n330602, 越城区\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(RequestFingerprint.of(null, true, "{not json".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(RequestFingerprint.of(null, true, "{not json ".getBytes(StandardCharsets.UTF_8)));
    }
}
