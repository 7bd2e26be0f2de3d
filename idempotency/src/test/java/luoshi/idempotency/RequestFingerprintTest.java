package luoshi.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private static byte[] json(String query, String body) {
        return of(query, true, body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] of(String query, boolean json, byte[] body) {
        return RequestFingerprint.of(query, json, () -> new ByteArrayInputStream(body));
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
        assertThat(of(null, false, csv)).isEqualTo(of(null, false, csv.clone()))
                .isNotEqualTo(of(null, false, "code,name\n330602, 越城区\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(of(null, true, "{not json".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(of(null, true, "{not json ".getBytes(StandardCharsets.UTF_8)));
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
