package luoshi.org;

import io.quarkus.test.junit.QuarkusTest;
import luoshi.api.org.OrganizationsApi;
import luoshi.testing.BodyChecks;

/** API.md, "Bodies", on org-service: its organisations batch (the checks are {@link BodyChecks}'). */
@QuarkusTest
class BodiesTest extends BodyChecks {

    @Override
    protected String bulkPath() {
        return "/api/v1/organizations/batch";
    }

    @Override
    protected int maxRows() {
        return OrganizationsApi.MAX_BATCH_ROWS;
    }

    @Override
    protected String row(int i) {
        return "{\"regionCode\":\"330602001\",\"type\":\"UNION\",\"name\":\"塔山街道总工会" + i + "\"}";
    }

    @Override
    protected String invalidRow() {
        return "{\"regionCode\":\"33060\",\"type\":\"UNION\",\"name\":\"塔山街道总工会\"}";
    }

    @Override
    protected String singlePath() {
        return "/api/v1/organizations";
    }
}
