package luoshi.review;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import luoshi.testing.MariaDbTestResource;
import luoshi.testing.ServiceFoundationChecks;
import luoshi.testing.JwtTestResource;

/** The service runs on a real MariaDB, migrated by Flyway, with health, OpenAPI and problem details. */
@QuarkusTest
@QuarkusTestResource(value = MariaDbTestResource.class, initArgs = @ResourceArg(name = "schema", value = "review"))
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(OwnerStubs.class)
class ServiceFoundationTest extends ServiceFoundationChecks {

    ServiceFoundationTest() {
        super("review");
    }
}
