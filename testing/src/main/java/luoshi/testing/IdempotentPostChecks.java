package luoshi.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import luoshi.platform.IdempotencyKey;
import luoshi.idempotency.IdempotencyKeyCleanup;
import luoshi.idempotency.IdempotentPosts;

import org.junit.jupiter.api.Test;

/**
 * The {@code Idempotency-Key} of one POST of a service that creates one record, checked on the real service and
 * its database (module idempotency). A service's {@code IdempotencyKeysTest} extends this class and names the call.
 */
public abstract class IdempotentPostChecks {

    /** A caller of its own, so that the keys of these checks are theirs alone. */
    private static final String SUBJECT = "idempotency-checks";
    private static final String TOKEN = TestTokens.token("admin", "000000", SUBJECT);
    /** 北京市东城区: a county whose viewers and operators may act on none of the regions of these checks. */
    private static final String OTHER_COUNTY = "110101";

    /** The POST's path. */
    protected abstract String path();

    /** A region the service knows (prepared by the subclass), one per check: {@code n} from 0 to 6. */
    protected abstract String region(int n);

    /** A valid body that creates one record in {@code region}; {@code variant} 0 and 1 differ. */
    protected abstract String body(String region, int variant);

    /** A body the service refuses with a 400. */
    protected abstract String invalidBody(String region);

    /** How many records {@code region} holds. */
    protected abstract long records(String region);

    /** The audit trail's entity of the records (its events are counted per region). */
    protected abstract String entity();

    @Test
    void aRetryWithTheKeyAndTheSameBodyGetsTheFirstAnswerAndStoresNothingMore() throws Exception {
        String region = region(0);
        String key = key();
        ExtractableResponse<Response> first = post(key, body(region, 0)).then().extract();
        assertThat(first.statusCode()).isBetween(200, 299);
        assertThat(first.header(IdempotentPosts.REPLAYED)).isNull();
        // the same body laid out otherwise: the same request
        String relaidOut = new ObjectMapper().readTree(body(region, 0)).toPrettyString();
        ExtractableResponse<Response> again = post(key, relaidOut).then().extract();
        assertThat(again.statusCode()).isEqualTo(first.statusCode());
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.contentType()).isEqualTo(first.contentType());
        assertThat(again.header(IdempotentPosts.REPLAYED)).isEqualTo("true");
        assertThat(records(region)).isEqualTo(1);
        assertThat(events(region)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndStoresNothing() {
        String region = region(1);
        String key = key();
        post(key, body(region, 0)).then().statusCode(first2xx());
        post(key, body(region, 1)).then().statusCode(422).contentType("application/problem+json")
                .body("title", is("Unprocessable Content")).body("detail", containsString("another body"));
        assertThat(records(region)).isEqualTo(1);
        assertThat(events(region)).isEqualTo(1);
    }

    @Test
    void theKeyFromATokenWithOtherRightsOrFromAnotherCallerNeverGetsTheStoredAnswer() {
        String region = region(5);
        String key = key();
        ExtractableResponse<Response> first = post(TOKEN, key, path(), body(region, 0)).then().extract();
        assertThat(first.statusCode()).isEqualTo(first2xx());
        assertThat(first.<Object>path("id")).isNotNull();
        // the same sub, now with a viewer's token: refused by its role before the key or the body is looked at
        ExtractableResponse<Response> viewer = post(TestTokens.token("viewer", OTHER_COUNTY, SUBJECT), key, path(),
                body(region, 0)).then().extract();
        assertThat(viewer.statusCode()).as("viewer").isEqualTo(403);
        assertLeaksNothingOf(first, viewer);
        // with an operator's token of another county: another request, not a replay
        ExtractableResponse<Response> refused = post(TestTokens.token("operator", OTHER_COUNTY, SUBJECT), key, path(),
                body(region, 0)).then().extract();
        assertThat(refused.statusCode()).as("operator").isEqualTo(422);
        assertLeaksNothingOf(first, refused);
        assertThat(refused.<String>path("detail")).contains("another region or roles");
        // another caller with the same key: a key of its own, a new call, refused by the service's access rules
        String stranger = "viewer-of-dongcheng-" + UUID.randomUUID();
        ExtractableResponse<Response> other = post(TestTokens.token("viewer", OTHER_COUNTY, stranger), key, path(),
                body(region, 0)).then().extract();
        assertThat(other.statusCode()).isEqualTo(403);
        assertLeaksNothingOf(first, other);
        assertThat(count("SELECT COUNT(*) FROM idempotency_key WHERE caller = ?", stranger)).isZero();
        assertThat(records(region)).isEqualTo(1);
        assertThat(events(region)).isEqualTo(1);
        // the refusals changed nothing of the first caller's key
        ExtractableResponse<Response> again = post(TOKEN, key, path(), body(region, 0)).then().extract();
        assertThat(again.statusCode()).isEqualTo(first.statusCode());
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header(IdempotentPosts.REPLAYED)).isEqualTo("true");
    }

    @Test
    void aChangedQueryStringIsAnotherRequest() {
        String region = region(6);
        String key = key();
        ExtractableResponse<Response> first = post(TOKEN, key, path() + "?source=first", body(region, 0)).then().extract();
        assertThat(first.statusCode()).isEqualTo(first2xx());
        for (String other : List.of(path() + "?source=second", path() + "?source=first&source=second", path())) {
            ExtractableResponse<Response> refused = post(TOKEN, key, other, body(region, 0)).then().extract();
            assertThat(refused.statusCode()).as(other).isEqualTo(422);
            assertLeaksNothingOf(first, refused);
        }
        assertThat(records(region)).isEqualTo(1);
        assertThat(events(region)).isEqualTo(1);
        post(TOKEN, key, path() + "?source=first", body(region, 0)).then().statusCode(first.statusCode())
                .header(IdempotentPosts.REPLAYED, "true");
        assertThat(records(region)).isEqualTo(1);
    }

    /** A refusal: a problem, not the first answer nor any part of it. */
    private static void assertLeaksNothingOf(ExtractableResponse<Response> first, ExtractableResponse<Response> refused) {
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header(IdempotentPosts.REPLAYED)).isNull();
        assertThat(refused.header("Location")).isNull();
        assertThat(refused.<Object>path("id")).isNull();
        if (first.header("Location") != null) {
            assertThat(refused.asString()).doesNotContain(first.header("Location"));
        }
    }

    @Test
    void aFailedCallDoesNotUseItsKeyUp() {
        String region = region(2);
        String key = key();
        post(key, invalidBody(region)).then().statusCode(400);
        assertThat(records(region)).isZero();
        post(key, body(region, 0)).then().statusCode(first2xx()).header(IdempotentPosts.REPLAYED, (String) null);
        assertThat(records(region)).isEqualTo(1);
        assertThat(events(region)).isEqualTo(1);
    }

    @Test
    void aCallWhileTheFirstWithItsKeyStillRunsIs409() throws SQLException {
        String region = region(3);
        String key = key();
        // a first call that has claimed the key and not committed yet: its row is locked
        try (Connection running = dataSource().getConnection()) {
            running.setAutoCommit(false);
            try (PreparedStatement ps = running.prepareStatement("INSERT INTO idempotency_key (caller, operation, idem_key,"
                    + " request_hash, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, SUBJECT);
                ps.setString(2, path());
                ps.setString(3, key);
                ps.setBytes(4, new byte[32]);
                ps.setObject(5, LocalDateTime.now(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            post(key, body(region, 0)).then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("still running"));
            running.rollback();
        }
        assertThat(records(region)).isZero();
        // the first call failed: the retry is applied
        post(key, body(region, 0)).then().statusCode(first2xx());
        assertThat(records(region)).isEqualTo(1);
    }

    @Test
    void aKeyOfMoreThan100CharactersOrNotPrintableAsciiIsRefused() {
        String region = region(4);
        post("k".repeat(IdempotencyKey.MAX_LENGTH + 1), body(region, 0)).then().statusCode(400)
                .body("violations[0].field", is(IdempotencyKey.HEADER));
        // é and ÿ as their UTF-8 bytes read as Latin-1 header characters: a 400 naming the header, never a 500
        post("\u00c3\u00a9\u00c3\u00bf", body(region, 0)).then().statusCode(400)
                .body("violations[0].field", is(IdempotencyKey.HEADER));
        post("two words", body(region, 0)).then().statusCode(400)
                .body("violations[0].field", is(IdempotencyKey.HEADER));
        assertThat(records(region)).isZero();
    }

    @Test
    void theCleanupDeletesTheKeysOlderThan24HoursAndKeepsTheYoungerOnes() throws SQLException {
        Instant now = Instant.parse("2020-01-01T00:00:00Z");   // long before the other checks' keys
        String caller = "cleanup-" + UUID.randomUUID();
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO"
                + " idempotency_key (caller, operation, idem_key, request_hash, created_at, status) VALUES (?, ?, ?, ?, ?, 201)")) {
            for (long hours : new long[] {25, 24, 23, 1}) {
                ps.setString(1, caller);
                ps.setString(2, path());
                ps.setString(3, hours + "h");
                ps.setBytes(4, new byte[32]);
                ps.setObject(5, LocalDateTime.ofInstant(now.minus(hours, ChronoUnit.HOURS).minusMillis(hours == 24 ? 1 : 0),
                        ZoneOffset.UTC));
                ps.executeUpdate();
            }
        }
        int deleted = Arc.container().instance(IdempotencyKeyCleanup.class).get().deleteExpired(now);
        assertThat(deleted).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM idempotency_key WHERE caller = ?", caller)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM idempotency_key WHERE caller = ? AND idem_key IN ('23h', '1h')", caller))
                .isEqualTo(2);
    }

    @Test
    void everyPostOfTheServicesDocumentTakesTheKeyAndDocumentsItsRefusals() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString());
        List<String> undocumented = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> {
            JsonNode post = path.getValue().path("post");
            if (path.getKey().startsWith("/api/") && !post.isMissingNode()
                    && (!post.path("parameters").findValuesAsText("name").contains(IdempotencyKey.HEADER)
                    || !post.path("responses").has("422") || !post.path("responses").has("409"))) {
                undocumented.add(path.getKey());
            }
        });
        assertThat(undocumented).isEmpty();
        assertThat(document.at("/paths/" + path().replace("/", "~1") + "/post/responses/422/description").asText())
                .contains("another body");
        // every reference resolves: the Problem schema is referred to only where the document has it
        document.findValuesAsText("$ref").forEach(ref -> assertThat(document.at(ref.substring(1))
                .isMissingNode()).as(ref).isFalse());
    }

    /** The status of a first call: 201, or 200 for a batch. */
    protected int first2xx() {
        return 201;
    }

    private long events(String region) {
        return count("SELECT COUNT(*) FROM audit_event WHERE entity = ? AND region_code = ?", entity(), region);
    }

    /** One number that {@code sql} counts in the service's database. */
    protected static long count(String sql, Object... params) {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response post(String key, String body) {
        return post(TOKEN, key, path(), body);
    }

    private static Response post(String token, String key, String pathAndQuery, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header(IdempotencyKey.HEADER, key);
        }
        // the query as written: RestAssured would encode it again
        return request.urlEncodingEnabled(false).post(pathAndQuery);
    }

    private static String key() {
        return "jinhua-" + UUID.randomUUID();   // a header's value: ASCII
    }

    private static AgroalDataSource dataSource() {
        return Arc.container().instance(AgroalDataSource.class).get();
    }
}
