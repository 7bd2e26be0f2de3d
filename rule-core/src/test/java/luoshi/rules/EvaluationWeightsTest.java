package luoshi.rules;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import luoshi.api.compliance.Dimension;
import luoshi.api.compliance.ServiceRollup;
import luoshi.api.compliance.Weights;
import luoshi.rules.engine.Compliance;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The weights a rollup sums for the evaluation (API.md, "Evaluation and trends"), computed in the rollup's SQL: each
 * item weighs what the version that judged it says, in that version's dimension; COMPLIANT items count in both sums,
 * PENDING, NON_COMPLIANT and NO_DATA in {@code counted} only, NOT_APPLICABLE (a waived item too) in neither. With the
 * test type TEST_NAME_LENGTH over 绍兴's three townships (塔山街道, 府山街道 in 越城区 330602; 柯桥街道 in 柯桥区 330603),
 * all four characters long: a limit of four meets, 越城区's own limit of three misses. Measured as the difference a
 * requirement of its own makes in years no other test uses (2032, 2033), so that the other tests' requirements and
 * waivers do not matter.
 */
@QuarkusTest
class EvaluationWeightsTest {

    static final LocalDate AS_OF = LocalDate.of(2034, 1, 10);

    @Inject
    Compliance compliance;

    private static void put(String token, String path, String body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(path).then().statusCode(200);
    }

    /** The sums of {@code after} less those of {@code before}: the root's (child null) or a child's, overall or in a dimension. */
    private static BigDecimal[] delta(ServiceRollup before, ServiceRollup after, String child, Dimension dimension) {
        Weights.Sum a = sum(after, child, dimension);
        Weights.Sum b = sum(before, child, dimension);
        return new BigDecimal[] {a.compliant().subtract(b.compliant()).stripTrailingZeros(),
                a.counted().subtract(b.counted()).stripTrailingZeros()};
    }

    private static Weights.Sum sum(ServiceRollup rollup, String child, Dimension dimension) {
        Weights w = child == null ? rollup.weights() : rollup.children().stream().filter(c -> c.regionCode().equals(child))
                .findFirst().map(ServiceRollup.ChildCounts::weights).orElse(Weights.ZERO);
        Weights.Sum s = dimension == null ? w.all() : w.dimensions().get(dimension);
        return s == null ? Weights.Sum.ZERO : s;
    }

    private static BigDecimal[] pair(int compliant, int counted) {
        return new BigDecimal[] {BigDecimal.valueOf(compliant), BigDecimal.valueOf(counted)};
    }

    @Test
    void eachItemWeighsWhatItsVersionSaysAndAWaivedItemNothing() {
        ServiceRollup before2032 = compliance.rollup("330600", 2032, AS_OF);
        ServiceRollup before2033 = compliance.rollup("330600", 2033, AS_OF);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"id":"EW_SHORT_NAMES","title":"Township names are short","titleZh":"乡镇名称简短","source":"rule-core test",
                 "issuerRegionCode":"330600","levels":["TOWNSHIP"],"period":"YEAR","weight":2,"dimension":"COMMON",
                 "rule":{"type":"TEST_NAME_LENGTH","maxChars":4}}""").post("/api/v1/requirements").then().statusCode(201);
        put(ADMIN, "/api/v1/requirements/EW_SHORT_NAMES/parameters/330602", "{\"maxChars\":3}");

        ServiceRollup after = compliance.rollup("330600", 2032, AS_OF);
        // 柯桥街道 meets (weight 2), 塔山街道 and 府山街道 miss (2 each): 2 of 6, all of it COMMON
        assertThat(delta(before2032, after, null, null)).containsExactly(pair(2, 6));
        assertThat(delta(before2032, after, null, Dimension.COMMON)).containsExactly(pair(2, 6));
        assertThat(delta(before2032, after, null, Dimension.SPECIFIC)).containsExactly(pair(0, 0));
        assertThat(delta(before2032, after, "330602", null)).containsExactly(pair(0, 4));
        assertThat(delta(before2032, after, "330603", null)).containsExactly(pair(2, 2));

        // a waived item is NOT_APPLICABLE: it weighs nothing
        given().auth().oauth2(TestTokens.token("admin", "330602")).contentType(ContentType.JSON).body("""
                {"requirementId":"EW_SHORT_NAMES","regionCode":"330602001","from":"2032-01-01","to":"2032-12-31",
                 "reason":"更名审批中"}""").post("/api/v1/waivers").then().statusCode(201);
        ServiceRollup waived = compliance.rollup("330600", 2032, AS_OF);
        assertThat(delta(before2032, waived, null, null)).containsExactly(pair(2, 4));
        assertThat(delta(before2032, waived, "330602", Dimension.COMMON)).containsExactly(pair(0, 2));

        // from 2033 the requirement weighs 5 in SATISFACTION: 2033 counts so, 2032 as before
        put(TestTokens.token("admin", "330600"), "/api/v1/requirements/EW_SHORT_NAMES",
                "{\"effectiveFrom\":\"2033-01-01\",\"weight\":5,\"dimension\":\"SATISFACTION\"}");
        ServiceRollup y2033 = compliance.rollup("330600", 2033, AS_OF);
        assertThat(delta(before2033, y2033, null, null)).containsExactly(pair(5, 15));
        assertThat(delta(before2033, y2033, null, Dimension.SATISFACTION)).containsExactly(pair(5, 15));
        assertThat(delta(before2033, y2033, null, Dimension.COMMON)).containsExactly(pair(0, 0));
        assertThat(delta(before2032, compliance.rollup("330600", 2032, AS_OF), null, null)).containsExactly(pair(2, 4));
        assertThat(delta(before2032, compliance.rollup("330600", 2032, AS_OF), null, Dimension.COMMON))
                .containsExactly(pair(2, 4));
    }
}
