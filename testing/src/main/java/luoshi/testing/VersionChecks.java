package luoshi.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The checks of API.md's "Versions and ETags" on one correctable resource of a running service (or the gateway): a
 * write with a stale {@code If-Match} is a 412 naming the current ETag and writes nothing, a malformed one is a 400,
 * and the write with the current ETag is applied and answers the next one.
 */
public final class VersionChecks {

    public static final String IF_MATCH = "If-Match";

    private static final ObjectMapper JSON = new ObjectMapper();

    private VersionChecks() {
    }

    /** An answer's body as JSON, to compare answers with each other and with the audit's {@code after}s. */
    public static JsonNode json(ValidatableResponse answer) {
        try {
            return JSON.readTree(answer.extract().asString());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + answer.extract().asString(), e);
        }
    }

    /** The ETag of a version: {@code "7"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** A write ({@code PUT}, {@code PATCH}, {@code DELETE}) with a JSON body (null: none) and an If-Match (null: none). */
    public static ValidatableResponse write(String token, String method, String path, String body, String ifMatch) {
        RequestSpecification request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        if (ifMatch != null) {
            request = request.header(IF_MATCH, ifMatch);
        }
        return request.request(method, path).then();
    }

    /** A GET of one: 200 with {@code ETag: "<version>"} of the version its body carries; answers the ETag. */
    public static String getTagged(String token, String path) {
        ValidatableResponse answer = given().auth().oauth2(token).get(path).then().statusCode(200);
        long version = answer.extract().<Number>path("version").longValue();
        answer.header("ETag", etag(version));
        return etag(version);
    }

    /** A 412 problem whose {@code etag} and {@code ETag} header are {@code current}. */
    public static void assertStale(ValidatableResponse answer, String current) {
        answer.statusCode(412).contentType("application/problem+json").body("status", is(412))
                .body("etag", is(current)).header("ETag", current).body("detail", containsString(current));
    }

    /**
     * The write {@code method path body} with a stale If-Match (412 naming {@code current}), a weak one and a malformed
     * one (400 naming If-Match) changes nothing: {@code state} (the resource as read) and {@code auditEvents} (the
     * service's audit trail) are as before. Then the same write with {@code current} is applied: 200 (204 for a
     * DELETE) with a new ETag, which the answer's version carries. Answers that ETag (null after a DELETE).
     */
    public static String assertPreconditions(String token, String method, String path, String body, String current,
            Supplier<Object> state, LongSupplier auditEvents) {
        Object before = state.get();
        long events = auditEvents.getAsLong();
        long version = Long.parseLong(current.substring(1, current.length() - 1));
        assertStale(write(token, method, path, body, etag(version + 1000)), current);
        assertStale(write(token, method, path, body, etag(version + 1000) + ", " + etag(version + 1001)), current);
        write(token, method, path, body, "W/" + current).statusCode(412).header("ETag", current)
                .body("detail", containsString("weak"));
        write(token, method, path, body, current.substring(1, current.length() - 1)).statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem(IF_MATCH));
        assertThat(state.get()).as("the resource after refused writes").isEqualTo(before);
        assertThat(auditEvents.getAsLong()).as("audit events after refused writes").isEqualTo(events);

        ValidatableResponse applied = write(token, method, path, body, etag(version + 1000) + ", " + current);
        if ("DELETE".equals(method)) {
            applied.statusCode(204);
            return null;
        }
        applied.statusCode(200);
        long next = applied.extract().<Number>path("version").longValue();
        assertThat(next).as("the version after the write").isGreaterThan(version);
        applied.header("ETag", etag(next));
        assertThat(auditEvents.getAsLong()).as("audit events after the write").isEqualTo(events + 1);
        return etag(next);
    }
}
