package luoshi.review;

import static luoshi.testing.TestTokens.ADMIN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.api.compliance.ComplianceStatus.PENDING;
import static luoshi.review.OwnerStubs.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import luoshi.api.compliance.OpenItem;
import luoshi.api.review.ReminderRun;
import luoshi.review.service.ReminderJob;
import luoshi.review.service.WebhookSender;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one database (ARCHITECTURE.md, Reminders): two runs of the job at once, each on
 * its own thread, connection and transaction, then two senders at once. Each reminder is created
 * once and delivered once.
 */
@QuarkusTest
class TwoReplicasTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    @Inject
    ReminderJob job;

    @Inject
    WebhookSender sender;

    private static <T> List<T> atOnce(Callable<T> replica) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<T>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return replica.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : runs) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void eachReminderIsCreatedAndDeliveredOnce() throws Exception {
        List<OpenItem> items = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            items.add(item("TOWNSHIP_YOUTH_LEAGUE_FUNDING", String.format("331002%03d", i), "街道" + i,
                    AS_OF.plusDays(i % 3 == 0 ? 7 : 30), PENDING));
        }
        try (WebhookReceiver taizhou = new WebhookReceiver("331000")) {
            taizhou.server.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
            OwnerStubs.answer(items);

            List<ReminderRun> runs = atOnce(() -> job.run(AS_OF));
            assertThat(runs.get(0).created() + runs.get(1).created()).isEqualTo(40);
            // outside any request, as on the scheduler's thread, every owner was read (its own items too)
            assertThat(runs).allSatisfy(run -> assertThat(run.incomplete()).isEmpty());
            given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=331002&size=500").then().body("total", is(40));

            Instant now = Instant.now().plusSeconds(1);
            List<Integer> delivered = atOnce(() -> sender.sendDue(now));
            assertThat(delivered.get(0) + delivered.get(1)).isEqualTo(40);

            List<String> ids = taizhou.received().stream().map(r -> r.getHeader("webhook-id")).toList();
            assertThat(ids).hasSize(40).doesNotHaveDuplicates();
            List<String> reminderIds = given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=331002&size=500").then()
                    .extract().path("items.id");
            assertThat(ids).containsExactlyInAnyOrderElementsOf(reminderIds);
        }
    }
}
