package luoshi.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;

/**
 * Calls to the management interface (health, metrics: a port of its own, issue #24), injected into a test as
 * {@code @TestHTTPResource(value = "/", management = true) URI management}.
 */
public final class Management {

    private Management() {
    }

    /** A RestAssured request to {@code management}: its port set explicitly, as RestAssured's global one (the public port) wins over a URI's. */
    public static RequestSpecification given(URI management) {
        return RestAssured.given().baseUri(management.getScheme() + "://" + management.getHost()).port(management.getPort());
    }
}
