package luoshi.review;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.api.compliance.ComplianceStatus.PENDING;
import static luoshi.review.OwnerStubs.item;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import luoshi.review.service.WebhookSender;
import luoshi.review.service.WebhookTargets;
import org.junit.jupiter.api.Test;

/**
 * In the running service, a delivery connects to the address its target check resolved, and a name that resolves
 * inside by the time of a delivery is not contacted (API.md, Webhook targets: DNS rebinding). The test's own DNS
 * answers for {@value #HOST}; the targets' policy is the one of production (internal addresses refused) or of local
 * runs (allowed), installed per test.
 */
@QuarkusTest
class WebhookPinningTest extends WithRegionsInCopy {

    private static final String HOST = "hooks.hefei.example";
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    @Inject
    WebhookSender sender;

    /** Answers {@value #HOST} from a script (the last answer again when it runs out), other names as the system does. */
    private static final class ScriptedDns implements WebhookTargets.Resolver {
        final Deque<String> answers;
        final List<String> asked = new CopyOnWriteArrayList<>();

        ScriptedDns(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public synchronized InetAddress[] resolve(String host) throws UnknownHostException {
            if (!host.equals(HOST)) {
                return InetAddress.getAllByName(host);
            }
            asked.add(host);
            return new InetAddress[] {InetAddress.getByName(answers.size() > 1 ? answers.poll() : answers.peek())};
        }
    }

    /** The receiver answers 204; a reminder run creates one reminder of {@code region}, its delivery due now. */
    private static void oneReminderFor(WebhookReceiver receiver, String region, String name) {
        receiver.server.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        OwnerStubs.answer(List.of(item("JOINT_MEETING", region, name, AS_OF.plusDays(6), PENDING)));
        given().auth().oauth2(ADMIN).post("/api/v1/reminders/run?asOf=" + AS_OF).then().body("created", is(1));
    }

    private static Instant justAfterNow() {
        return Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void aDeliveryGoesToTheAddressResolvedForItWithTheUrlsHost() throws Exception {
        // 192.0.2.1 (documentation, unrouted): where a second lookup would send the delivery, and nothing listens
        ScriptedDns dns = new ScriptedDns("127.0.0.1", "192.0.2.1");
        QuarkusMock.installMockForType(new WebhookTargets(true, dns), WebhookTargets.class);
        try (WebhookReceiver yaohai = new WebhookReceiver("340102", HOST)) {
            oneReminderFor(yaohai, "340102", "瑶海区");

            assertThat(sender.sendDue(justAfterNow())).isEqualTo(1);
            List<LoggedRequest> received = yaohai.received();
            assertThat(received).hasSize(1);
            assertThat(received.get(0).getHeader("Host")).isEqualTo(HOST + ":" + yaohai.server.port());
            yaohai.assertSignedCorrectly(received.get(0));
            assertThat(dns.asked).containsExactly(HOST);              // one lookup for the one delivery
        }
    }

    @Test
    void aDeliveryToANameThatNowResolvesInsideIsNotMadeAndTheLogSaysRefused() {
        // public when the webhook is created, 127.0.0.1 (where the receiver listens) from then on
        ScriptedDns dns = new ScriptedDns("93.184.216.34", "127.0.0.1");
        QuarkusMock.installMockForType(new WebhookTargets(false, dns), WebhookTargets.class);
        try (WebhookReceiver luyang = new WebhookReceiver("340103", HOST)) {
            oneReminderFor(luyang, "340103", "庐阳区");

            assertThat(sender.sendDue(justAfterNow())).isZero();
            assertThat(luyang.received()).isEmpty();
            given().auth().oauth2(ADMIN).get("/api/v1/webhooks/" + luyang.id + "/deliveries").then().statusCode(200)
                    .body("total", is(1)).body("items[0].status", is("PENDING")).body("items[0].attempts", is(1))
                    .body("items[0].lastStatusCode", nullValue())
                    .body("items[0].lastError", allOf(startsWith("refused: "), containsString("127.0.0.1"),
                            containsString("loopback")));
            assertThat(dns.asked).containsExactly(HOST, HOST);        // at the creation, at the delivery: once each
        }
    }

    @Test
    @RegionsInCopy("340000")
    void outsideLocalRunsACreationNamingAnInternalAddressIsA400NamingUrl() {
        QuarkusMock.installMockForType(new WebhookTargets(false, new ScriptedDns("8.8.8.8")), WebhookTargets.class);
        for (String url : List.of("http://[64:ff9b::a9fe:a9fe]/hook", "http://[::127.0.0.1]/hook", "http://8.8.8.8:99999/hook",
                "http://[2002:a9fe:a9fe::]/hook")) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body("{\"url\":\"" + url + "\",\"regionCode\":\"340000\"}").post("/api/v1/webhooks").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", is("url"));
        }
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"url\":\"https://" + HOST + "/hook\",\"regionCode\":\"340000\"}").post("/api/v1/webhooks").then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }
}
