package luoshi.review;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static luoshi.testing.VersionChecks.assertPreconditions;
import static luoshi.testing.VersionChecks.etag;
import static luoshi.testing.VersionChecks.getTagged;
import static luoshi.testing.VersionChecks.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import luoshi.testing.AuditChain;
import luoshi.testing.Concurrently;
import luoshi.testing.VersionChecks;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Versions and ETags" and "The audit chain", in review-service: committee terms, meetings and documents carry
 * a row version answered as ETag; a stale If-Match is a 412 that writes nothing; concurrent corrections are serialised,
 * each answering what it stored, with an unbroken audit chain. Regions of Gansu (甘肃省 620000: 兰州市 620100, 城关区
 * 620102, 七里河区 620103, 西固区 620104), used by no other test.
 */
@QuarkusTest
@RegionsInCopy({"620000", "620100", "620102", "620103", "620104"})
class VersionsTest extends WithRegionsInCopy {

    private static final int ROUNDS = 20;

    @Inject
    AgroalDataSource dataSource;

    private static String created(String path, String body) {
        return write(ADMIN, "POST", path, body, null).statusCode(201).body("version", is(1)).extract().path("id");
    }

    private static String meeting(String region, String title) {
        return "{\"regionCode\":\"" + region + "\",\"type\":\"STANDING_COMMITTEE_STUDY\",\"date\":\"2025-04-08\",\"title\":\""
                + title + "\",\"documentRef\":\"兰委常〔2025〕4号\"}";
    }

    private static String document(String region, String ref) {
        return "{\"regionCode\":\"" + region + "\",\"type\":\"IMPLEMENTATION_PLAN\",\"date\":\"2016-05-20\","
                + "\"title\":\"中共兰州市委关于加强和改进党的群团工作的实施意见\",\"documentRef\":\"" + ref + "\"}";
    }

    private static String term(String start, String end) {
        return "{\"start\":\"" + start + "\",\"end\":\"" + end + "\"}";
    }

    /** A region's list as it reads now (terms and meetings have no GET of one). */
    private static Supplier<Object> list(String path, String region) {
        return () -> given().auth().oauth2(ADMIN).queryParam("regionCode", region).get(path).then().statusCode(200)
                .extract().asString();
    }

    private long auditEvents() {
        try {
            return sql.count("SELECT COUNT(*) FROM audit_event");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCommitteeTermAnswersItsVersionAndAStaleIfMatchWritesNothing() {
        String id = created("/api/v1/committee-terms", "{\"regionCode\":\"620102\",\"start\":\"2021-10-01\",\"end\":\"2026-09-30\"}");
        String path = "/api/v1/committee-terms/" + id;
        String corrected = assertPreconditions(ADMIN, "PUT", path, term("2021-10-01", "2026-10-31"), etag(1),
                list("/api/v1/committee-terms", "620102"), this::auditEvents);
        assertThat(corrected).isEqualTo(etag(2));
        // the same dates again write nothing: the version stays
        write(ADMIN, "PUT", path, term("2021-10-01", "2026-10-31"), corrected).statusCode(200).header("ETag", corrected);
        assertPreconditions(ADMIN, "DELETE", path, null, corrected, list("/api/v1/committee-terms", "620102"),
                this::auditEvents);
        AuditChain.of(dataSource, "committee-term", id).assertUnbroken();
    }

    @Test
    void aMeetingAnswersItsVersionAndAStaleIfMatchWritesNothing() {
        String id = created("/api/v1/meetings", meeting("620103", "区委常委会专题研究群团工作"));
        String path = "/api/v1/meetings/" + id;
        String corrected = assertPreconditions(ADMIN, "PUT", path, meeting("620103", "区委常委会专题研究党的群团工作"), etag(1),
                list("/api/v1/meetings", "620103"), this::auditEvents);
        assertPreconditions(ADMIN, "DELETE", path, null, corrected, list("/api/v1/meetings", "620103"), this::auditEvents);
        AuditChain.of(dataSource, "meeting", id).assertUnbroken();
    }

    @Test
    void aDocumentAnswersItsETagAndAStaleIfMatchWritesNothing() {
        String id = created("/api/v1/documents", document("620100", "兰委发〔2016〕12号"));
        String path = "/api/v1/documents/" + id;
        assertThat(getTagged(ADMIN, path)).isEqualTo(etag(1));
        Supplier<Object> document = () -> given().auth().oauth2(ADMIN).get(path).then().extract().asString();
        String corrected = assertPreconditions(ADMIN, "PUT", path, document("620100", "兰委发〔2016〕13号"), etag(1), document,
                this::auditEvents);
        assertThat(getTagged(ADMIN, path)).isEqualTo(corrected);
        assertPreconditions(ADMIN, "DELETE", path, null, corrected, document, this::auditEvents);
        given().auth().oauth2(ADMIN).get(path).then().statusCode(404);
        AuditChain.of(dataSource, "document", id).assertUnbroken();
    }

    @Test
    void concurrentCorrectionsOfAMeetingAreSerialisedAndEachAnswersWhatItStored() {
        String id = created("/api/v1/meetings", meeting("620104", "区委常委会研究群团工作"));
        String path = "/api/v1/meetings/" + id;
        List<JsonNode> answered = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String first = "区委常委会研究群团工作（第" + (2 * round + 1) + "稿）";
            String second = "区委常委会研究群团工作（第" + (2 * round + 2) + "稿）";
            List<ValidatableResponse> answers = Concurrently.run(
                    () -> write(ADMIN, "PUT", path, meeting("620104", first), null),
                    () -> write(ADMIN, "PUT", path, meeting("620104", second), null));
            answers.get(0).statusCode(200).body("title", is(first));
            answers.get(1).statusCode(200).body("title", is(second));
            List<JsonNode> both = answers.stream().map(VersionChecks::json)
                    .sorted(Comparator.comparingLong(a -> a.get("version").asLong())).toList();
            assertThat(both.get(1).get("version").asLong()).isEqualTo(both.get(0).get("version").asLong() + 1);
            answered.addAll(both);
        }
        AuditChain chain = AuditChain.of(dataSource, "meeting", id).assertUnbroken();
        assertThat(chain.afters().subList(1, chain.events().size())).isEqualTo(answered);
        assertThat(answered.get(answered.size() - 1).get("version").asLong()).isEqualTo(1 + 2 * ROUNDS);
    }
}
