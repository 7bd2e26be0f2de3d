package luoshi.rules;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import luoshi.audit.DataVersion;
import luoshi.rules.catalog.Catalog;
import luoshi.rules.catalog.RequirementCatalog;
import luoshi.rules.engine.ComplianceAnswers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ComplianceAnswersTest {

    @Inject
    ComplianceAnswers answers;

    @Inject
    DataVersion dataVersion;

    @Inject
    RequirementCatalog catalog;

    private static String ask(String region, String... cacheControl) {
        var request = given();
        if (cacheControl.length > 0) {
            request = request.header("Cache-Control", cacheControl[0]);
        }
        return request.get("/test/answers/" + region).then().statusCode(200).extract().asString();
    }

    private static void createRequirement(String id) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
            {"id":"%s","title":"Youth league funding","titleZh":"共青团工作经费","source":"test","issuerRegionCode":"330600",
             "levels":["TOWNSHIP"],"period":"YEAR","rule":{"type":"TEST_MIN_AMOUNT","category":"YOUTH_LEAGUE_WORK","minAmount":"20000.00"}}
            """.formatted(id)).post("/api/v1/requirements").then().statusCode(201);
    }

    @Test
    void theSameQuestionIsAnsweredOnceUntilAWriteCommits() {
        String first = ask("330602001");
        assertThat(ask("330602001")).isEqualTo(first);                 // kept: not evaluated again
        long version = dataVersion.current();
        assertThat(first).startsWith(version + ":");

        createRequirement("ANSWERS_WRITE");                             // a write: the version moves on
        assertThat(dataVersion.current()).isEqualTo(version + 1);
        String after = ask("330602001");
        assertThat(after).startsWith((version + 1) + ":").isNotEqualTo(first);
        assertThat(ask("330602001")).isEqualTo(after);
        assertThat(ask("330602002")).isNotEqualTo(after);               // another region: a question of its own
    }

    @Test
    void noCacheEvaluatesAfreshAndKeepsTheNewAnswer() {
        String kept = ask("330602003");
        String fresh = ask("330602003", "no-cache");
        assertThat(fresh).isNotEqualTo(kept);
        assertThat(ask("330602003")).isEqualTo(fresh);
    }

    @Test
    void aFailureIsNotKept() {
        int before = CountedAnswers.EVALUATIONS.get();
        given().get("/test/answers/000000").then().statusCode(404).body(containsString("evaluation " + (before + 1)));
        given().get("/test/answers/000000").then().statusCode(404).body(containsString("evaluation " + (before + 2)));
    }

    @Test
    void callersAskingAtOnceShareOneEvaluation() throws Exception {
        AtomicInteger evaluations = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> asked = new ArrayList<>();
            asked.add(pool.submit(() -> answers.items("330602004", 2025, LocalDate.of(2025, 12, 1), v -> {
                evaluations.incrementAndGet();
                inside.countDown();
                await(release);
                return "answer at " + v;
            })));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 7; i++) {
                asked.add(pool.submit(() -> answers.items("330602004", 2025, LocalDate.of(2025, 12, 1), v -> {
                    evaluations.incrementAndGet();
                    return "a second evaluation";
                })));
            }
            release.countDown();
            for (Future<String> f : asked) {
                assertThat(f.get(10, TimeUnit.SECONDS)).startsWith("answer at ");
            }
            assertThat(evaluations.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCatalogIsReadOncePerVersionAndFollowsWrites() {
        Catalog before = catalog.current();
        assertThat(catalog.current()).isSameAs(before);
        createRequirement("ANSWERS_CATALOG");
        Catalog after = catalog.current();
        assertThat(after.version()).isGreaterThan(before.version());
        assertThat(after.find("ANSWERS_CATALOG")).isPresent();
        assertThat(before.find("ANSWERS_CATALOG")).isEmpty();           // a catalog is the state of its version
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
