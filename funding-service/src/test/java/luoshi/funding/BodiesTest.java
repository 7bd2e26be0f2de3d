package luoshi.funding;

import io.quarkus.test.junit.QuarkusTest;
import luoshi.api.common.BatchResult;
import luoshi.testing.BodyChecks;

/** API.md, "Bodies", on funding-service: its funding batch (the checks are {@link BodyChecks}'). */
@QuarkusTest
class BodiesTest extends BodyChecks {

    BodiesTest() {
        super("/api/v1/funding/batch", BatchResult.MAX_ROWS,
                i -> "{\"regionCode\":\"330602001\",\"category\":\"YOUTH_LEAGUE_WORK\",\"fiscalYear\":2025,\"amount\":\""
                        + (i + 1) + ".00\",\"documentRef\":\"绍市财〔2025〕12号\"}",
                "{\"regionCode\":\"330602001\",\"category\":\"YOUTH_LEAGUE_WORK\",\"fiscalYear\":2025,\"amount\":\"-1.00\"}",
                "/api/v1/funding");
    }
}
