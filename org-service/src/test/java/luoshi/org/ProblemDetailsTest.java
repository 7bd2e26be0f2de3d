package luoshi.org;

import static luoshi.testing.TestTokens.ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import luoshi.testing.ProblemDetailsChecks;

/**
 * org-service's errors, its HTTP layer's (413, 414, 431, a chunked body over the limit) and its management port's
 * included, are problem details whatever Accept says.
 */
@QuarkusTest
class ProblemDetailsTest extends ProblemDetailsChecks {

    ProblemDetailsTest() {
        super(ADMIN, "/api/v1/organizations?size=0", "/api/v1/organizations");
    }
}
