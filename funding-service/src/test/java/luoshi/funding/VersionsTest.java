package luoshi.funding;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static luoshi.testing.VersionChecks.assertPreconditions;
import static luoshi.testing.VersionChecks.etag;
import static luoshi.testing.VersionChecks.getTagged;
import static luoshi.testing.VersionChecks.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.testing.AuditChain;
import luoshi.testing.Concurrently;
import luoshi.testing.TestTokens;
import luoshi.testing.VersionChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Versions and ETags" and "The audit chain", in funding-service: funding records and union fees carry a row
 * version answered as ETag; a stale If-Match is a 412 that writes nothing; two concurrent PATCHes of different fields
 * both take effect, two concurrent PUTs are serialised and each answers what it stored, and every record's audit chain
 * is unbroken. On 诸暨市 (330681)'s 暨阳街道, 浣东街道 and 陶朱街道.
 */
@QuarkusTest
class VersionsTest {

    private static final int ROUNDS = 50;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Database db;

    @Inject
    ReplicaRows replica;

    @BeforeEach
    void regions() {
        replica.region("330681001", "暨阳街道").region("330681002", "浣东街道").region("330681003", "陶朱街道");
    }

    private static String fund(String region, String amount) {
        return Api.fund(region, "YOUTH_LEAGUE_WORK", 2025, amount);
    }

    private static Map<String, Object> stored(String id) {
        return given().auth().oauth2(ADMIN).get("/api/v1/funding/" + id).then().statusCode(200).extract().jsonPath()
                .getMap("");
    }

    private long auditEvents() {
        return db.count(Sql.of("SELECT COUNT(*) FROM audit_event"));
    }

    @Test
    void twoConcurrentPatchesOfDifferentFieldsOfAFundingRecordBothTakeEffectAndTheAuditChainHolds() {
        String id = fund("330681001", "20000.00");
        String path = "/api/v1/funding/" + id;
        List<String> lost = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String amount = (20001 + round) + ".00";
            String documentRef = "诸暨财〔2025〕" + round + "号";
            List<ValidatableResponse> answers = Concurrently.run(
                    () -> write(ADMIN, "PATCH", path, "{\"amount\":\"" + amount + "\"}", null),
                    () -> write(ADMIN, "PATCH", path, "{\"documentRef\":\"" + documentRef + "\"}", null));
            answers.get(0).statusCode(200).body("amount", is(amount));
            answers.get(1).statusCode(200).body("documentRef", is(documentRef));
            Map<String, Object> now = stored(id);
            if (!amount.equals(now.get("amount")) || !documentRef.equals(now.get("documentRef"))) {
                lost.add("round " + round + ": " + now);
            }
        }
        assertThat(lost).isEmpty();
        assertThat(stored(id)).containsEntry("version", 1 + 2 * ROUNDS).containsEntry("regionCode", "330681001");

        AuditChain chain = AuditChain.of(dataSource, "funding-record", id).assertUnbroken();
        assertThat(chain.events()).hasSize(1 + 2 * ROUNDS);
    }

    @Test
    void twoConcurrentPutsAreSerialisedAndEachAnswersWhatItStored() {
        String id = fund("330681002", "100.00");
        String path = "/api/v1/funding/" + id;
        List<JsonNode> answered = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String first = (111 + 2 * round) + ".00";
            String second = (112 + 2 * round) + ".00";
            List<ValidatableResponse> answers = Concurrently.run(
                    () -> write(ADMIN, "PUT", path, FundingCorrectionsTest.record("330681002", first), null),
                    () -> write(ADMIN, "PUT", path, FundingCorrectionsTest.record("330681002", second), null));
            // each answer is what its own write stored: its own amount, at its own version
            answers.get(0).statusCode(200).body("amount", is(first));
            answers.get(1).statusCode(200).body("amount", is(second));
            List<JsonNode> both = answers.stream().map(VersionChecks::json)
                    .sorted(Comparator.comparingLong(a -> a.get("version").asLong())).toList();
            assertThat(both.get(1).get("version").asLong()).isEqualTo(both.get(0).get("version").asLong() + 1);
            // the row is what the later write stored
            assertThat(VersionChecks.json(given().auth().oauth2(ADMIN).get(path).then())).isEqualTo(both.get(1));
            answered.addAll(both);
        }
        AuditChain chain = AuditChain.of(dataSource, "funding-record", id).assertUnbroken();
        // every answer is an event's after, in the order of the versions
        assertThat(chain.afters().subList(1, chain.events().size())).isEqualTo(answered);
    }

    @Test
    void aFundingRecordAnswersItsETagAndAStaleIfMatchWritesNothing() {
        String id = fund("330681003", "20000.00");
        String path = "/api/v1/funding/" + id;
        assertThat(getTagged(ADMIN, path)).isEqualTo(etag(1));
        String patched = assertPreconditions(ADMIN, "PATCH", path, "{\"amount\":\"20500.00\"}", etag(1),
                () -> stored(id), this::auditEvents);
        String put = assertPreconditions(ADMIN, "PUT", path, FundingCorrectionsTest.record("330681003", "21000.00"), patched,
                () -> stored(id), this::auditEvents);
        assertThat(put).isEqualTo(etag(3));
        assertThat(getTagged(ADMIN, path)).isEqualTo(etag(3));
        assertPreconditions(ADMIN, "DELETE", path, null, put, () -> stored(id), this::auditEvents);
        given().auth().oauth2(ADMIN).get(path).then().statusCode(404);
        AuditChain.of(dataSource, "funding-record", id).assertUnbroken();
    }

    @Test
    void aPatchChangesTheFieldsGivenWithTheRulesOfACreation() {
        String id = fund("330681003", "20000.00");
        String path = "/api/v1/funding/" + id;
        long events = auditEvents();
        write(ADMIN, "PATCH", path, "{\"amount\":\"0.00\"}", null).statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("amount"));
        write(ADMIN, "PATCH", path, "{\"amount\":\"1.001\"}", null).statusCode(400).body("violations.field", contains("amount"));
        write(ADMIN, "PATCH", path, "{\"fiscalYear\":1900}", null).statusCode(400).body("violations.field", contains("fiscalYear"));
        write(ADMIN, "PATCH", path, "{\"amount\":null}", null).statusCode(400).body("violations.field", contains("amount"));
        write(ADMIN, "PATCH", path, "{\"colour\":\"red\"}", null).statusCode(400).body("violations.field", contains("colour"));
        write(ADMIN, "PATCH", path, "{\"regionCode\":\"330681999\"}", null).statusCode(404);
        // moving it out of the caller's subtree is refused like a write there
        write(TestTokens.token("operator", "330681", "wang.wu@330681"), "PATCH", path, "{\"regionCode\":\"330602001\"}", null)
                .statusCode(403);
        assertThat(auditEvents()).isEqualTo(events);
        assertThat(stored(id)).containsEntry("amount", "20000.00").containsEntry("version", 1);

        write(ADMIN, "PATCH", path, "{\"documentRef\":null,\"category\":\"WOMENS_WORK\"}", null).statusCode(200)
                .body("documentRef", nullValue()).body("category", is("WOMENS_WORK")).body("amount", is("20000.00"))
                .body("version", is(2));
        // the same again changes nothing and records nothing
        write(ADMIN, "PATCH", path, "{\"category\":\"WOMENS_WORK\"}", null).statusCode(200).body("version", is(2));
        assertThat(auditEvents()).isEqualTo(events + 1);
    }

    @Test
    void unionFeesAnswerTheirETagAndAStaleIfMatchWritesNothing() {
        String path = "/api/v1/union-fees/330681001/2024";
        // nothing stored yet: an If-Match names nothing, * included, and nothing is created
        for (String ifMatch : List.of(etag(1), "*")) {
            write(ADMIN, "PUT", path, "{\"due\":\"1000.00\",\"collected\":\"900.00\"}", ifMatch).statusCode(412);
        }
        given().auth().oauth2(ADMIN).get(path).then().statusCode(404);
        String created = write(ADMIN, "PUT", path, "{\"due\":\"1000.00\",\"collected\":\"900.00\"}", null).statusCode(200)
                .extract().header("ETag");
        assertThat(getTagged(ADMIN, path)).isEqualTo(created);
        String corrected = assertPreconditions(ADMIN, "PUT", path, "{\"due\":\"1000.00\",\"collected\":\"1000.00\"}", created,
                () -> given().auth().oauth2(ADMIN).get(path).then().extract().asString(), this::auditEvents);
        // the same fees again write nothing: the version stays
        write(ADMIN, "PUT", path, "{\"due\":\"1000.00\",\"collected\":\"1000.00\"}", corrected).statusCode(200)
                .header("ETag", corrected);
        assertPreconditions(ADMIN, "DELETE", path, null, corrected,
                () -> given().auth().oauth2(ADMIN).get(path).then().extract().asString(), this::auditEvents);
        // entered again, the fees never answer a version of the ones deleted
        String again = write(ADMIN, "PUT", path, "{\"due\":\"1000.00\",\"collected\":\"900.00\"}", null).statusCode(200)
                .extract().header("ETag");
        assertThat(version(again)).isGreaterThan(version(corrected));
        AuditChain.of(dataSource, "union-fees", "330681001/2024").assertUnbroken();
    }

    private static long version(String etag) {
        return Long.parseLong(etag.substring(1, etag.length() - 1));
    }
}
