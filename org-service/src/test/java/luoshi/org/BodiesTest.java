package luoshi.org;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import luoshi.api.org.OrganizationsApi;
import luoshi.testing.BodyChecks;
import luoshi.testing.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Bodies", on org-service: its organisations batch (the checks are {@link BodyChecks}'), and issue #24's
 * finding: a regions CSV of 300,000 villages (7.8 MB), nine at once, each read as a stream and refused at its 50,001st row.
 */
@QuarkusTest
class BodiesTest extends BodyChecks {

    BodiesTest() {
        super("/api/v1/organizations/batch", OrganizationsApi.MAX_BATCH_ROWS,
                i -> "{\"regionCode\":\"330602001\",\"type\":\"UNION\",\"name\":\"塔山街道总工会" + i + "\"}",
                "{\"regionCode\":\"33060\",\"type\":\"UNION\",\"name\":\"塔山街道总工会\"}", "/api/v1/organizations");
    }

    @Test
    void nineRegionCsvsOfThreeHundredThousandRowsAtOnceAreEachRefused() throws Exception {
        StringBuilder csv = new StringBuilder(EIGHT_MB).append("code,name,level,parentCode\n");
        for (int i = 0; i < 300_000; i++) {
            // villages of a county that does not exist: each row well formed, so that the reading's row limit answers
            csv.append(String.format(Locale.ROOT, "320206%03d%03d,村,VILLAGE,\n", i / 1000, i % 1000));
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        List<RawHttp.Answer> answers = atOnce(9, n -> RawHttp.send("/api/v1/regions/batch", OPERATOR, "text/csv", body,
                n % 2 == 0));
        for (RawHttp.Answer answer : answers) {
            assertThat(answer.status()).as("a regions CSV of 300,000 rows among nine at once: " + answer).isEqualTo(413);
            assertThat(answer.json().path("detail").asText()).as("past the 50,000 rows of a regions import").contains("50,000");
        }
        assertNothingStored();
    }
}
