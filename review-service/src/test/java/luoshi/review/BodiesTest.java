package luoshi.review;

import io.quarkus.test.junit.QuarkusTest;
import luoshi.api.common.BatchResult;
import luoshi.testing.BodyChecks;

/** API.md, "Bodies", on review-service: its meetings batch (the checks are {@link BodyChecks}'). */
@QuarkusTest
class BodiesTest extends BodyChecks {

    @Override
    protected String bulkPath() {
        return "/api/v1/meetings/batch";
    }

    @Override
    protected int maxRows() {
        return BatchResult.MAX_ROWS;
    }

    @Override
    protected String row(int i) {
        return "{\"regionCode\":\"330602\",\"type\":\"JOINT_MEETING\",\"date\":\"2025-05-06\",\"title\":\"越城区党的群团工作联席会议"
                + i + "\"}";
    }

    @Override
    protected String invalidRow() {
        return "{\"regionCode\":\"330602\",\"type\":\"JOINT_MEETING\",\"date\":\"2025-02-30\",\"title\":\"联席会议\"}";
    }

    @Override
    protected String singlePath() {
        return "/api/v1/meetings";
    }
}
