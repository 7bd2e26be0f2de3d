package luoshi.review;

import static luoshi.testing.TestTokens.ADMIN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static luoshi.api.compliance.ComplianceStatus.PENDING;
import static luoshi.review.OwnerStubs.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import luoshi.api.compliance.ItemOwner;
import luoshi.review.service.Outbox;
import luoshi.review.service.WebhookSender;
import org.junit.jupiter.api.Test;

/** Signed webhook deliveries through the outbox (API.md, Reminders and webhooks). */
@QuarkusTest
class WebhookDeliveryTest extends WithRegionsInCopy {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    @Inject
    WebhookSender sender;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    private static Set<String> reminderIds(String region) {
        List<String> ids = given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=" + region).then().extract().path("items.id");
        return Set.copyOf(ids);
    }

    @Test
    void aReceiverThatFailsThenRecoversGetsEveryEventSignedWithAStableId() throws Exception {
        try (WebhookReceiver zhoushan = new WebhookReceiver("330900"); WebhookReceiver other = new WebhookReceiver("331000")) {
            zhoushan.server.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs(STARTED)
                    .willReturn(aResponse().withStatus(503)).willSetStateTo("failed once"));
            zhoushan.server.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("failed once")
                    .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
            zhoushan.server.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("recovered")
                    .willReturn(aResponse().withStatus(204)));
            other.server.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
            OwnerStubs.answer(List.of(
                    item("JOINT_MEETING", "330902", "定海区", AS_OF.plusDays(6), PENDING),
                    item("JOINT_MEETING", "330921", "岱山县", AS_OF.plusDays(29), PENDING)));
            given().auth().oauth2(ADMIN).post("/api/v1/reminders/run?asOf=" + AS_OF).then().body("created", is(2));
            Set<String> ids = reminderIds("330900");

            Instant t0 = Instant.now().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            assertThat(sender.sendDue(t0)).isZero();                 // both attempts fail (503, 500)
            given().auth().oauth2(ADMIN).get("/api/v1/webhooks/" + zhoushan.id + "/deliveries").then().statusCode(200)
                    .body("total", is(2)).body("items.status", everyItem(is("PENDING")))
                    .body("items.attempts", everyItem(is(1)))
                    .body("items.lastStatusCode", hasItem(503)).body("items.lastStatusCode", hasItem(500))
                    .body("items.nextAttemptAt", everyItem(is(t0.plusSeconds(5).toString())));
            assertThat(sender.sendDue(t0.plusSeconds(4))).isZero(); // the first retry is not due yet
            assertThat(zhoushan.received()).hasSize(2);
            assertThat(sender.sendDue(t0.plusSeconds(5))).isEqualTo(2);

            List<LoggedRequest> received = zhoushan.received();
            assertThat(received).hasSize(4);
            for (LoggedRequest r : received) {
                zhoushan.assertSignedCorrectly(r);
                assertThat(ids).contains(r.getHeader("webhook-id"));
                JsonNode body = json.readTree(r.getBodyAsString());
                assertThat(body.get("event").asText()).isEqualTo("reminder.created");
                assertThat(body.get("stage").asText()).isEqualTo("UPCOMING");
                assertThat(body.has("requirementTitle")).isTrue();
            }
            // every reminder twice (a failure, then the success), with the same webhook-id both times
            Map<String, Long> perId = received.stream().collect(Collectors.groupingBy(r -> r.getHeader("webhook-id"),
                    Collectors.counting()));
            assertThat(perId).containsOnlyKeys(ids).allSatisfy((id, n) -> assertThat(n).isEqualTo(2L));
            Set<String> regionNames = received.stream().map(r -> {
                try {
                    return json.readTree(r.getBodyAsString()).get("regionName").asText();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.toSet());
            assertThat(regionNames).containsExactlyInAnyOrder("定海区", "岱山县");
            given().auth().oauth2(ADMIN).get("/api/v1/webhooks/" + zhoushan.id + "/deliveries").then()
                    .body("items.status", everyItem(is("DELIVERED"))).body("items.attempts", everyItem(is(2)));
            assertThat(sender.sendDue(t0.plus(Duration.ofDays(3)))).isZero(); // nothing is sent twice
            assertThat(zhoushan.received()).hasSize(4);
            assertThat(other.received()).isEmpty();                      // 331000 does not contain 3309
        }
    }

    @Test
    void theSignedEventCarriesTheOwnerOfTheReminder() throws Exception {
        // #17: 莲都区's item has the owner set on 丽水市, 青田县's has none
        try (WebhookReceiver lishui = new WebhookReceiver("331100")) {
            lishui.server.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
            OwnerStubs.answer(List.of(
                    item("ANNUAL_COMMITTEE_STUDY", "331102", "莲都区", AS_OF.plusDays(4), PENDING,
                            new ItemOwner("丽水市委办公室", "李明 0578-2091234", "331100")),
                    item("ANNUAL_COMMITTEE_STUDY", "331121", "青田县", AS_OF.plusDays(4), PENDING)));
            given().auth().oauth2(ADMIN).post("/api/v1/reminders/run?asOf=" + AS_OF).then().body("created", is(2));

            Instant t0 = Instant.now().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            sender.sendDue(t0);
            List<LoggedRequest> received = lishui.received();
            assertThat(received).hasSize(2);
            Map<String, JsonNode> bodies = new java.util.HashMap<>();
            for (LoggedRequest r : received) {
                lishui.assertSignedCorrectly(r);      // the owner is inside the signed body
                JsonNode body = json.readTree(r.getBodyAsString());
                bodies.put(body.get("regionCode").asText(), body);
            }
            assertThat(bodies).containsOnlyKeys("331102", "331121");
            JsonNode owner = bodies.get("331102").get("owner");
            assertThat(owner).isNotNull();
            assertThat(owner.get("unit").asText()).isEqualTo("丽水市委办公室");
            assertThat(owner.get("contact").asText()).isEqualTo("李明 0578-2091234");
            assertThat(owner.get("regionCode").asText()).isEqualTo("331100");
            assertThat(bodies.get("331121").has("owner")).isFalse();
            // the event is the reminder the list shows, owner included
            String listed = given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=331102").then().statusCode(200)
                    .body("total", is(1)).extract().path("items[0].id");
            assertThat(bodies.get("331102").get("id").asText()).isEqualTo(listed);
            given().auth().oauth2(ADMIN).get("/api/v1/reminders?regionCode=331102").then()
                    .body("items[0].owner.unit", is("丽水市委办公室")).body("items[0].owner.regionCode", is("331100"));
        }
    }

    @Test
    void aSenderThatDiesAfterClaimingLosesNothing() {
        try (WebhookReceiver jinhua = new WebhookReceiver("330700")) {
            jinhua.server.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
            OwnerStubs.answer(List.of(
                    item("ANNUAL_COMMITTEE_STUDY", "330702", "婺城区", AS_OF.plusDays(1), PENDING),
                    item("ANNUAL_COMMITTEE_STUDY", "330703", "金东区", AS_OF.plusDays(2), PENDING),
                    item("ANNUAL_COMMITTEE_STUDY", "330723", "武义县", AS_OF.plusDays(3), PENDING)));
            given().auth().oauth2(ADMIN).post("/api/v1/reminders/run?asOf=" + AS_OF).then().body("created", is(3));

            Instant t0 = Instant.now().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            // a sender claims every due row, then its process dies before sending any
            assertThat(outbox.claim(t0, 100)).hasSizeGreaterThanOrEqualTo(3);
            assertThat(sender.sendDue(t0.plusSeconds(60))).isZero();       // still leased to the dead sender
            assertThat(jinhua.received()).isEmpty();
            // once the lease has run out, the next sender (after a restart, or another replica) sends them
            sender.sendDue(t0.plus(Duration.ofMinutes(10)).plusSeconds(1));
            List<LoggedRequest> received = jinhua.received();
            assertThat(received.stream().map(r -> r.getHeader("webhook-id")).toList())
                    .containsExactlyInAnyOrderElementsOf(reminderIds("330700"));
        }
    }

    @Test
    @RegionsInCopy("330000")
    void aWebhookGetsAGeneratedSecretShownOnlyOnce() {
        var created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:9099/hook\",\"regionCode\":\"330000\"}")
                .post("/api/v1/webhooks").then().statusCode(201)
                .body("secret", startsWith("whsec_")).body("regionCode", is("330000")).extract();
        String id = created.path("id");
        String secret = created.path("secret");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
        given().auth().oauth2(ADMIN).get("/api/v1/webhooks?size=500").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.secret", everyItem(org.hamcrest.Matchers.nullValue()))
                .body(not(org.hamcrest.Matchers.containsString(secret)));
        given().auth().oauth2(ADMIN).delete("/api/v1/webhooks/" + id).then().statusCode(204);
        given().auth().oauth2(ADMIN).delete("/api/v1/webhooks/" + id).then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
    }

    @Test
    @RegionsInCopy("330000")
    void aUrlThatIsNotHttpOrARegionThatIsNotACodeIsA400() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"url\":\"ftp://example.org/x\",\"regionCode\":\"330000\"}")
                .post("/api/v1/webhooks").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("url"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"url\":\"https://example.org/x\",\"regionCode\":\"3300\"}")
                .post("/api/v1/webhooks").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("regionCode"));
    }
}
