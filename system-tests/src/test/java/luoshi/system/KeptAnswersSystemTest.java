package luoshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's kept answers with two gateway replicas (issue #29; API.md, "Kept answers and consistency tokens"): each
 * replica answers a repeated question from what it kept ({@code Age}), and a read that presents a write's consistency
 * token, through the other replica, sees the write, round after round. The township is a new one of 越城区
 * (3306029xx: none in docs/data, none of another test's).
 */
class KeptAnswersSystemTest {

    static final int ROUNDS = 150;
    static final String TOWNSHIP = "330602901";
    static final String AS_OF = "2026-01-15";
    static LuoshiSystem system;

    @BeforeAll
    static void start() {
        system = LuoshiSystem.get();
        URI gateway = system.gateway();
        for (String[] r : new String[][] {{"330000", "浙江省", "PROVINCE", null}, {"330600", "绍兴市", "CITY", "330000"},
                {"330602", "越城区", "COUNTY", "330600"}, {"330683", "嵊州市", "COUNTY", "330600"},
                {TOWNSHIP, "越城区留存街道", "TOWNSHIP", "330602"}}) {
            ReadYourWritesTest.region(gateway, r[0], r[1], r[2], r[3]);
        }
        api(gateway).body(Map.of("total", 1000)).put("/api/v1/regions/" + TOWNSHIP + "/population/2025")
                .then().statusCode(200);
    }

    @Test
    void eachReplicaKeepsAnswersAndAReadWithAWritesTokenSeesItThroughTheOther() {
        URI a = system.gateway();
        URI b = system.secondGateway();
        long funded = 0;
        int kept = 0;
        int stale = 0;
        for (int i = 0; i < ROUNDS; i++) {
            URI writes = i % 2 == 0 ? a : b;
            URI reads = i % 2 == 0 ? b : a;
            // the reading replica keeps the township's answer first (asked twice: computed, then kept)
            read(reads, null);
            if (read(reads, null).header("Age") != null) {
                kept++;
            }
            ExtractableResponse<Response> write = api(writes).body(Map.of("regionCode", TOWNSHIP, "category", "WOMENS_WORK",
                            "fiscalYear", 2025, "amount", "3.00", "documentRef", "越财〔2025〕9" + i + "号"))
                    .post("/api/v1/funding").then().statusCode(201).extract();
            funded += 3;
            String token = write.header("Luoshi-Consistency");
            assertThat(token).as("round " + i).matches("(org|funding|review)=[0-9]+(;(org|funding|review)=[0-9]+)*")
                    .contains("funding=");
            String actual = read(reads, token).jsonPath()
                    .getString("items.find { it.requirementId == 'WOMENS_WORK_PER_CAPITA_FUNDING' }.actual");
            if (!(funded + ".00").equals(actual)) {
                stale++;
            }
        }
        System.out.printf("KeptAnswersSystemTest: %d rounds, %d stale, %d repeated reads kept%n", ROUNDS, stale, kept);
        assertThat(stale).as("answers older than the write whose token they were asked with").isZero();
        assertThat(kept).as("repeated reads answered from the replica's kept answers").isGreaterThan(ROUNDS / 2);
    }

    @Test
    void aKeptAnswerIsConfirmedBy304AndATownshipsWriteLeavesAnotherCountysTag() {
        URI b = system.secondGateway();
        String county = "/api/v1/compliance/330683?year=2025&asOf=" + AS_OF;
        String tag = api(b).get(county).then().statusCode(200).extract().header("ETag");
        ExtractableResponse<Response> write = api(system.gateway()).body(Map.of("regionCode", TOWNSHIP, "category",
                        "YOUTH_LEAGUE_WORK", "fiscalYear", 2025, "amount", "1.00", "documentRef", "越财〔2025〕800号"))
                .post("/api/v1/funding").then().statusCode(201).extract();
        ExtractableResponse<Response> again = api(b).header("If-None-Match", tag)
                .header("Luoshi-Consistency", write.header("Luoshi-Consistency")).get(county).then().extract();
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.header("ETag")).isEqualTo(tag);
    }

    private static ExtractableResponse<Response> read(URI gateway, String token) {
        RequestSpecification request = api(gateway);
        if (token != null) {
            request = request.header("Luoshi-Consistency", token);
        }
        ExtractableResponse<Response> answer = request.get("/api/v1/compliance/" + TOWNSHIP + "?year=2025&asOf=" + AS_OF)
                .then().statusCode(200).extract();
        assertThat(answer.jsonPath().getList("incomplete")).isEmpty();
        return answer;
    }

    private static RequestSpecification api(URI gateway) {
        return ReadYourWritesTest.api(gateway);
    }
}
