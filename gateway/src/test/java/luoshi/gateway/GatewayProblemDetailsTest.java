package luoshi.gateway;

import static luoshi.testing.TestTokens.ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import luoshi.testing.ProblemDetailsChecks;

/** The gateway's errors, its HTTP layer's included, are problem details whatever Accept says. */
@QuarkusTest
class GatewayProblemDetailsTest extends ProblemDetailsChecks {

    GatewayProblemDetailsTest() {
        super(ADMIN, "/api/v1/compliance/12", "/api/v1/funding");
    }
}
