package luoshi.rules;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import luoshi.api.compliance.ComplianceSource;
import luoshi.audit.AuditTrail;
import luoshi.audit.DataVersion;
import org.junit.jupiter.api.Test;

/**
 * The versions of the answers about a subtree (issue #29, API.md "Conditional reads"): a write changes exactly the
 * answers it may change. A township's write changes its own, its county's, city's, province's and the country's, and
 * not a sibling's or another county's; a write reaching a subtree (a batch, a waiver) changes every region below too;
 * a requirement, or a change that names no region, changes every region's. Each compliance answer about a region says
 * its version in {@value ComplianceSource#ANSWER_VERSION_HEADER}, read before it is computed.
 */
@QuarkusTest
class AnswerVersionsTest {

    private static final List<String> REGIONS = List.of("000000", "330000", "330600", "330602", "330602001", "330602002",
            "330603", "330603001", "320000");

    @Inject
    AuditTrail audit;

    @Inject
    DataVersion dataVersion;

    /** Every region's answer version now. */
    private Map<String, String> versions() {
        Map<String, String> out = new LinkedHashMap<>();
        REGIONS.forEach(code -> out.put(code, dataVersion.ofSubtree(code)));
        return out;
    }

    /** The regions whose answer version differs between {@code before} and now. */
    private List<String> changedSince(Map<String, String> before) {
        Map<String, String> now = versions();
        return REGIONS.stream().filter(code -> !now.get(code).equals(before.get(code))).toList();
    }

    private void record(String region, AuditTrail.Action action) {
        QuarkusTransaction.requiringNew().run(() -> audit.record(action, "test-fact", "1", region, null, Map.of("at", region)));
    }

    @Test
    void aTownshipsWriteChangesItsOwnAndItsAncestorsAnswersOnly() {
        Map<String, String> before = versions();
        record("330602001", AuditTrail.Action.CREATE);
        assertThat(changedSince(before)).containsExactly("000000", "330000", "330600", "330602", "330602001");

        before = versions();
        record("330603", AuditTrail.Action.UPDATE);   // a county's own fact
        assertThat(changedSince(before)).containsExactly("000000", "330000", "330600", "330603");
    }

    @Test
    void aWriteReachingASubtreeChangesEveryRegionBelowIt() {
        Map<String, String> before = versions();
        record("330602", AuditTrail.Action.IMPORT);   // a batch, recorded under its caller's region
        assertThat(changedSince(before)).containsExactly("000000", "330000", "330600", "330602", "330602001", "330602002");

        before = versions();
        QuarkusTransaction.requiringNew().run(() -> audit.record(DataVersion.Reach.SUBTREE, AuditTrail.Action.CREATE,
                "waiver", "w", "330603", null, Map.of()));
        assertThat(changedSince(before)).containsExactly("000000", "330000", "330600", "330603", "330603001");
    }

    @Test
    void manyEventsAtOnceChangeEachOfTheirRegions() {
        Map<String, String> before = versions();
        QuarkusTransaction.requiringNew().run(() -> audit.recordAll(AuditTrail.Action.CREATE, "rectification", List.of(
                new AuditTrail.Event("1", "330602002", null, Map.of()), new AuditTrail.Event("2", "330603001", null, Map.of()))));
        assertThat(changedSince(before)).containsExactly("000000", "330000", "330600", "330602", "330602002", "330603",
                "330603001");
    }

    @Test
    void aRequirementOrAChangeThatNamesNoRegionChangesEveryRegion() {
        Map<String, String> before = versions();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
            {"id":"ANSWER_VERSIONS","title":"Youth league funding","titleZh":"共青团工作经费","source":"test",
             "issuerRegionCode":"330600","levels":["TOWNSHIP"],"period":"YEAR",
             "rule":{"type":"TEST_MIN_AMOUNT","category":"YOUTH_LEAGUE_WORK","minAmount":"20000.00"}}
            """).post("/api/v1/requirements").then().statusCode(201);
        assertThat(changedSince(before)).containsExactlyElementsOf(REGIONS);   // 320000 too: it has an item of it

        before = versions();
        dataVersion.advance();   // the region copy's page, a fixture's SQL
        assertThat(changedSince(before)).containsExactlyElementsOf(REGIONS);
    }

    @Test
    void everyAnswerAboutARegionSaysItsVersion() {
        record("330602001", AuditTrail.Action.CREATE);
        String township = dataVersion.ofSubtree("330602001");
        String county = dataVersion.ofSubtree("330602");
        assertThat(township).matches("[0-9]+(\\.[0-9]+){5}");   // its subtree's, and what reached it from above
        for (String path : List.of("330602001?year=2025", "330602/rollup?year=2025", "330602/items?year=2025")) {
            String expected = path.startsWith("330602001") ? township : county;
            given().auth().oauth2(ADMIN).get("/internal/v1/compliance/regions/" + path).then().statusCode(200)
                    .header(ComplianceSource.ANSWER_VERSION_HEADER, expected);
        }
        // not on a refusal, nor on what is not an answer about a region
        given().auth().oauth2(ADMIN).get("/internal/v1/compliance/regions/330602/items?status=NOPE").then().statusCode(400)
                .header(ComplianceSource.ANSWER_VERSION_HEADER, (String) null);
        given().auth().oauth2(ADMIN).get("/internal/v1/compliance/requirements").then().statusCode(200)
                .header(ComplianceSource.ANSWER_VERSION_HEADER, (String) null);
    }
}
