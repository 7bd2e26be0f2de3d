package luoshi.review;

import io.quarkus.test.junit.QuarkusTest;
import luoshi.api.common.BatchResult;
import luoshi.testing.BodyChecks;

/** API.md, "Bodies", on review-service: its meetings batch (the checks are {@link BodyChecks}'). */
@QuarkusTest
class BodiesTest extends BodyChecks {

    BodiesTest() {
        super("/api/v1/meetings/batch", BatchResult.MAX_ROWS,
                i -> "{\"regionCode\":\"330602\",\"type\":\"JOINT_MEETING\",\"date\":\"2025-05-06\",\"title\":\"越城区党的群团工作联席会议"
                        + i + "\"}",
                "{\"regionCode\":\"330602\",\"type\":\"JOINT_MEETING\",\"date\":\"2025-02-30\",\"title\":\"联席会议\"}",
                "/api/v1/meetings");
    }
}
