package luoshi.org;

import static luoshi.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import luoshi.api.region.RegionFeed.RegionFeedPage;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The change feed: versions in order, paging by limit, `more`, and nothing for an unchanged re-import. */
@QuarkusTest
class RegionFeedTest {

    static RegionFeedPage feed(long since, int limit) {
        return given().auth().oauth2(TestTokens.service()).queryParam("since", since).queryParam("limit", limit).get("/internal/v1/region-feed").then()
                .statusCode(200).extract().as(RegionFeedPage.class);
    }

    static long head() {
        long version = 0;
        RegionFeedPage page;
        do {
            page = feed(version, 50_000);
            version = page.version();
        } while (page.more());
        return version;
    }

    @Test
    void writesAppearInVersionOrderAndPageByLimit() {
        RegionsTest.ensureShaoxing();
        RegionsTest.ensure("330604", "上虞区", "COUNTY", "330600");
        long start = head();
        String batch = "code,name,level,parentCode\n330604001,百官街道,TOWNSHIP,330604\n"
                + "330604001901,版本一村,VILLAGE,330604001\n330604001902,版本二村,VILLAGE,330604001\n";
        given().auth().oauth2(ADMIN).contentType("text/csv").body(batch.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/regions/batch").then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"total\":800000}").put("/api/v1/regions/330604/population/2024")
                .then().statusCode(200);

        RegionFeedPage first = feed(start, 2);
        assertThat(first.regions()).extracting(c -> c.code()).containsExactly("330604001", "330604001901");
        assertThat(first.population()).isEmpty();
        assertThat(first.version()).isEqualTo(first.regions().get(1).version());
        assertThat(first.more()).isTrue();

        RegionFeedPage second = feed(first.version(), 2);
        assertThat(second.regions()).extracting(c -> c.code()).containsExactly("330604001902");
        assertThat(second.population()).extracting(p -> p.regionCode() + "/" + p.year() + "=" + p.total())
                .containsExactly("330604/2024=800000");
        assertThat(second.population().get(0).version()).isGreaterThan(second.regions().get(0).version());
        assertThat(second.more()).isFalse();
        assertThat(second.version()).isEqualTo(start + 4);

        List<Long> versions = new ArrayList<>();
        first.regions().forEach(c -> versions.add(c.version()));
        second.regions().forEach(c -> versions.add(c.version()));
        assertThat(versions).isSorted().doesNotHaveDuplicates();

        // an unchanged re-import and an unchanged PUT add nothing
        given().auth().oauth2(ADMIN).contentType("text/csv").body(batch.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/regions/batch").then().statusCode(200).body("unchanged", is(3));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"total\":800000}").put("/api/v1/regions/330604/population/2024");
        RegionFeedPage after = feed(second.version(), 10);
        assertThat(after.regions()).isEmpty();
        assertThat(after.population()).isEmpty();
        assertThat(after.version()).isEqualTo(second.version());
        assertThat(after.more()).isFalse();

        // a rename moves the row to the head of the feed
        RegionsTest.ensure("330604001902", "版本二村改", "VILLAGE", "330604001");
        assertThat(feed(second.version(), 10).regions()).extracting(c -> c.name()).containsExactly("版本二村改");
    }

    @Test
    void sinceZeroIsTheFullSnapshot() {
        RegionsTest.ensureShaoxing();
        RegionFeedPage page = feed(0, 50_000);
        while (page.more()) {
            page = feed(page.version(), 50_000);
        }
        assertThat(page.version()).isEqualTo(head());
        assertThat(feed(0, 1).regions().size() + feed(0, 1).population().size()).isEqualTo(1);
    }

    @Test
    void concurrentWritersTakeDistinctVersionsWithNoGap() throws Exception {
        RegionsTest.ensureShaoxing();
        RegionsTest.ensure("330604", "上虞区", "COUNTY", "330600");
        RegionsTest.ensure("330604002", "曹娥街道", "TOWNSHIP", "330604");
        long start = head();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String code = "330604002" + String.format("%03d", 900 + i % 30);
                writes.add(pool.submit(() -> given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                        .body("{\"name\":\"并发村" + code + "\",\"level\":\"VILLAGE\",\"parentCode\":\"330604002\"}")
                        .put("/api/v1/regions/" + code).statusCode()));
            }
            for (java.util.concurrent.Future<Integer> w : writes) {
                assertThat(w.get()).isIn(200, 201);
            }
        } finally {
            pool.shutdown();
        }
        RegionFeedPage page = feed(start, 1000);
        assertThat(page.regions()).hasSize(30);
        assertThat(page.regions()).extracting(c -> c.version())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(start + 1, start + 30).boxed().toList());
    }

    @jakarta.inject.Inject
    luoshi.org.service.FeedWaiters waiters;

    @Test
    void aLongPollIsAnsweredAsSoonAsAChangeIsCommitted() throws Exception {
        RegionsTest.ensureShaoxing();
        long start = head();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            // waits up to a minute: only the write below can end it with a change
            java.util.concurrent.Future<RegionFeedPage> poll = pool.submit(() -> given().auth().oauth2(TestTokens.service())
                    .queryParam("since", start).queryParam("waitMs", 60_000).get("/internal/v1/region-feed").then()
                    .statusCode(200).extract().as(RegionFeedPage.class));
            awaitWaiting(1);
            RegionsTest.ensure("330602121", "长轮询街道", "TOWNSHIP", "330602");

            RegionFeedPage page = poll.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(page.regions()).extracting(c -> c.code()).containsExactly("330602121");
            assertThat(page.version()).isEqualTo(start + 1);
            assertThat(waiters.waiting()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLongPollWithNothingNewIsAnsweredEmptyAtItsDeadline() {
        long start = head();
        RegionFeedPage page = given().auth().oauth2(TestTokens.service()).queryParam("since", start).queryParam("waitMs", 300)
                .get("/internal/v1/region-feed").then().statusCode(200).extract().as(RegionFeedPage.class);
        assertThat(page.regions()).isEmpty();
        assertThat(page.population()).isEmpty();
        assertThat(page.version()).isEqualTo(start);
        assertThat(page.more()).isFalse();
        given().auth().oauth2(TestTokens.service()).queryParam("waitMs", 60_001).get("/internal/v1/region-feed").then()
                .statusCode(400).body("violations.field", contains("waitMs"));
    }

    @Test
    void complianceAnswersCarryTheFeedVersionReadDuringTheRequest() {
        RegionsTest.ensureShaoxing();
        long head = head();
        given().auth().oauth2(ADMIN).get("/internal/v1/compliance/regions/330602?year=2025").then().statusCode(200)
                .header(luoshi.api.region.RegionFeed.VERSION_HEADER, String.valueOf(head));
    }

    private void awaitWaiting(int n) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (waiters.waiting() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no long poll waiting");
            }
            Thread.sleep(10);   // polled, with a deadline
        }
    }

    @Test
    void theFeedIsDocumentedInTheOpenApi() {
        given().auth().oauth2(ADMIN).queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/internal/v1/region-feed'.get.summary", org.hamcrest.Matchers.containsString("changed after a version"));
    }

    @Test
    void refusesALimitOutsideItsRange() {
        given().auth().oauth2(TestTokens.service()).queryParam("limit", 0).get("/internal/v1/region-feed").then().statusCode(400)
                .body("violations.field", contains("limit"));
        given().auth().oauth2(TestTokens.service()).queryParam("limit", 50_001).get("/internal/v1/region-feed").then().statusCode(400);
        given().auth().oauth2(TestTokens.service()).queryParam("since", -1).get("/internal/v1/region-feed").then().statusCode(400)
                .body("violations.field", contains("since"));
    }
}
