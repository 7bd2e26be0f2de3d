package luoshi.system;

import static luoshi.system.PublicApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #26 through the gateway, on the four started services: rectification (整改) of 宿城区 (321302, 宿迁市 321300 in
 * 江苏, where no other test writes meetings). Its 2025 meeting requirements are NON_COMPLIANT on 2026-01-15: the reminder
 * job opens one rectification each, and a second run none; a viewer cannot submit, the county's own admin cannot
 * verify, the city's admin is refused while the item is still NON_COMPLIANT and verifies once a hearing is recorded;
 * past the due date {@code rectification.overdue} is sent once per open rectification, signed as Standard Webhooks says.
 */
class RectificationSystemTest {

    static final String COUNTY = "321302";
    static final String CITY = "321300";
    static final ObjectMapper JSON = new ObjectMapper();

    record Delivery(String id, String timestamp, String signature, String body) {
    }

    static HttpServer subscriber;
    static final List<Delivery> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        LuoshiSystem.get();
        PublicApi.realRegions(COUNTY);
        Poll.until("review-service knows 宿城区", Duration.ofSeconds(30), () -> as(TestTokens.ADMIN)
                .get("/api/v1/compliance/" + COUNTY + "?year=2025&asOf=2026-01-15").then().extract().jsonPath()
                .getList("incomplete").isEmpty());
        subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        subscriber.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        subscriber.start();
    }

    @AfterAll
    static void stop() {
        if (subscriber != null) {
            subscriber.stop(0);
        }
    }

    private static int run(String asOf, String field) {
        return as(TestTokens.ADMIN).post("/api/v1/reminders/run?asOf=" + asOf + "&regionCode=" + COUNTY).then()
                .statusCode(200).extract().path(field);
    }

    @Test
    void theLoopClosesOnTheFacts() throws Exception {
        String secret = as(TestTokens.ADMIN).body("{\"url\":\"http://127.0.0.1:" + subscriber.getAddress().getPort()
                + "/hook\",\"regionCode\":\"" + CITY + "\"}").post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("secret");

        assertThat(run("2026-01-15", "rectificationsOpened")).isEqualTo(3);
        assertThat(run("2026-01-15", "rectificationsOpened")).isZero();
        as(TestTokens.ADMIN).get("/api/v1/rectifications?regionCode=" + COUNTY).then().statusCode(200).body("total", is(3));
        String hearing = as(TestTokens.ADMIN).get("/api/v1/rectifications?regionCode=" + COUNTY
                + "&requirementId=REGULAR_REPORT_HEARING").then().body("total", is(1)).body("items[0].status", is("OPEN"))
                .body("items[0].expected", is("1")).body("items[0].actual", is("0")).extract().path("items[0].id");
        String path = "/api/v1/rectifications/" + hearing;
        as(TestTokens.ADMIN).get(path).then().statusCode(200).header("ETag", "\"1\"");

        String submission = "{\"note\":\"已召开常委会听取群团工作汇报\",\"documentRef\":\"宿城委常〔2026〕2号\"}";
        as(TestTokens.token("viewer", COUNTY)).body(submission).post(path + "/submit").then().statusCode(403);
        as(TestTokens.token("operator", COUNTY)).header("If-Match", "\"9\"").body(submission).post(path + "/submit").then()
                .statusCode(412);
        as(TestTokens.token("operator", COUNTY)).header("If-Match", "\"1\"").body(submission).post(path + "/submit").then()
                .statusCode(200).header("ETag", "\"2\"").body("status", is("SUBMITTED"));

        String decision = "{\"note\":\"经核验\"}";
        as(TestTokens.token("admin", COUNTY)).body(decision).post(path + "/verify").then().statusCode(403);
        as(TestTokens.token("admin", CITY)).body(decision).post(path + "/verify").then().statusCode(409)
                .body("detail", containsString("NON_COMPLIANT"));

        as(TestTokens.ADMIN).body("{\"regionCode\":\"" + COUNTY + "\",\"type\":\"REPORT_HEARING\",\"date\":\"2025-06-18\","
                + "\"title\":\"听取群团工作汇报\",\"documentRef\":\"宿城委常〔2025〕9号\"}").post("/api/v1/meetings").then()
                .statusCode(201);
        as(TestTokens.token("admin", CITY)).body(decision).post(path + "/verify").then().statusCode(200)
                .body("status", is("VERIFIED")).body("history[2].status", is("VERIFIED"))
                .body("history[2].itemStatus", is("COMPLIANT"));

        assertThat(run("2026-04-16", "rectificationsOverdue")).isEqualTo(2);
        // the rollup of the city counts the county's rectifications by status, as the list's totals say
        io.restassured.path.json.JsonPath rollup = as(TestTokens.ADMIN).get("/api/v1/compliance/" + CITY
                + "/rollup?year=2025&asOf=2026-04-16").then().statusCode(200).extract().jsonPath();
        for (String status : List.of("OPEN", "SUBMITTED", "VERIFIED", "REJECTED")) {
            int listed = as(TestTokens.ADMIN).get("/api/v1/rectifications?regionCode=" + CITY + "&year=2025&status=" + status)
                    .then().statusCode(200).extract().path("total");
            assertThat(rollup.getInt("rectifications." + status)).as(status).isEqualTo(listed);
        }
        assertThat(rollup.getInt("rectifications.OPEN")).isEqualTo(2);
        assertThat(rollup.getInt("rectifications.VERIFIED")).isEqualTo(1);
        assertThat(rollup.getInt("rectifications.overdue")).isEqualTo(2);
        assertThat(run("2026-04-17", "rectificationsOverdue")).isZero();
        Poll.until("the subscriber has the two overdue events and the verification", Duration.ofSeconds(60),
                () -> events("rectification.overdue").size() == 2 && events("rectification.verified").size() == 1);
        assertThat(events("rectification.opened")).hasSize(3);
        for (Delivery d : received) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            assertThat(d.signature()).isEqualTo("v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((d.id() + "." + d.timestamp() + "." + d.body()).getBytes(StandardCharsets.UTF_8))));
        }
        List<Delivery> overdue = events("rectification.overdue");
        assertThat(overdue.stream().map(Delivery::id).distinct()).hasSize(2);
        assertThat(overdue.stream().map(d -> json(d).path("requirementId").asText()))
                .containsExactlyInAnyOrder("ANNUAL_COMMITTEE_STUDY", "JOINT_MEETING");
        assertThat(json(events("rectification.verified").get(0)).path("id").asText()).isEqualTo(hearing);
    }

    private static List<Delivery> events(String event) {
        return received.stream().filter(d -> event.equals(json(d).path("event").asText())).toList();
    }

    private static JsonNode json(Delivery d) {
        try {
            return JSON.readTree(d.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
