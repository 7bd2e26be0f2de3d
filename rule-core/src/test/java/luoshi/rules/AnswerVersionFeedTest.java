package luoshi.rules;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import luoshi.api.compliance.AnswerVersionFeed;
import luoshi.api.compliance.AnswerVersionFeed.AnswerVersions;
import luoshi.api.compliance.AnswerVersionFeed.Mark;
import luoshi.audit.AuditTrail;
import luoshi.audit.DataVersion;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Every service's answer-version feed (issue #29, the gateway's kept answers): the counters of the regions changed
 * after a data version, from which the gateway computes every answer's version exactly as the service says it; a long
 * poll released by a write; a write's answer says the data version it produced; the service token only.
 */
@QuarkusTest
class AnswerVersionFeedTest {

    private static final List<String> REGIONS = List.of("000000", "330000", "330600", "330602", "330602001", "330602002",
            "330603", "320000");

    @Inject
    AuditTrail audit;

    @Inject
    DataVersion dataVersion;

    @Inject
    ObjectMapper json;

    private AnswerVersions feed(long since, long waitMs) throws Exception {
        String body = given().auth().oauth2(TestTokens.service()).get("/internal/v1/answer-versions?since=" + since
                + "&waitMs=" + waitMs).then().statusCode(200).extract().asString();
        return json.readValue(body, AnswerVersions.class);
    }

    private void record(String region) {
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditTrail.Action.UPDATE, "test-fact", "1", region,
                null, Map.of("at", region)));
    }

    @Test
    void theFeedsCountersGiveEveryAnswersVersionAsTheServiceSaysIt() throws Exception {
        record("330602001");
        record("330603");
        Map<String, Mark> book = new HashMap<>();
        AnswerVersions all = feed(0, 0);
        all.marks().forEach(m -> book.put(m.regionCode(), m));
        for (String code : REGIONS) {
            assertThat(AnswerVersionFeed.version(code, book::get)).as(code).isEqualTo(dataVersion.ofSubtree(code));
        }
        assertThat(all.version()).isEqualTo(dataVersion.current());

        // after a township's write, the feed from the last version holds the township and its ancestors only
        record("330602002");
        AnswerVersions changed = feed(all.version(), 0);
        assertThat(changed.version()).isEqualTo(all.version() + 1);
        assertThat(changed.marks()).extracting(Mark::regionCode)
                .containsExactlyInAnyOrder("330602002", "330602", "330600", "330000", "000000");
        changed.marks().forEach(m -> book.put(m.regionCode(), m));
        for (String code : REGIONS) {
            assertThat(AnswerVersionFeed.version(code, book::get)).as(code).isEqualTo(dataVersion.ofSubtree(code));
        }
        assertThat(feed(changed.version(), 0).marks()).isEmpty();
    }

    @Test
    void aLongPollIsReleasedByAWriteAndOtherwiseAnswersEmptyAtItsDeadline() throws Exception {
        long now = dataVersion.current();
        long started = System.nanoTime();
        AnswerVersions none = feed(now, 300);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(290);
        assertThat(none.marks()).isEmpty();
        assertThat(none.version()).isEqualTo(now);

        CompletableFuture<AnswerVersions> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return feed(now, 20_000);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        started = System.nanoTime();
        record("330603001");
        AnswerVersions released = waiting.get(5, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2_000);
        assertThat(released.version()).isGreaterThan(now);
        assertThat(released.marks()).extracting(Mark::regionCode).contains("330603001");
    }

    @Test
    void aWritesAnswerSaysTheDataVersionItProduced() {
        ExtractableResponse<Response> created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
            {"id":"FEED_VERSION","title":"Youth league funding","titleZh":"共青团工作经费","source":"test",
             "issuerRegionCode":"330600","levels":["TOWNSHIP"],"period":"YEAR",
             "rule":{"type":"TEST_MIN_AMOUNT","category":"YOUTH_LEAGUE_WORK","minAmount":"20000.00"}}
            """).post("/api/v1/requirements").then().statusCode(201).extract();
        assertThat(Long.parseLong(created.header(AnswerVersionFeed.DATA_VERSION_HEADER))).isEqualTo(dataVersion.current());
        // a read says none
        assertThat(given().auth().oauth2(ADMIN).get("/api/v1/requirements/FEED_VERSION").then().statusCode(200)
                .extract().header(AnswerVersionFeed.DATA_VERSION_HEADER)).isNull();
    }

    @Test
    void onlyAServiceMayReadTheFeedAndBadParametersAre400() {
        given().auth().oauth2(ADMIN).get("/internal/v1/answer-versions").then().statusCode(403);
        given().get("/internal/v1/answer-versions").then().statusCode(401);
        for (String bad : List.of("since=-1", "waitMs=60001", "since=x", "waitMs=1.5")) {
            given().auth().oauth2(TestTokens.service()).get("/internal/v1/answer-versions?" + bad).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
