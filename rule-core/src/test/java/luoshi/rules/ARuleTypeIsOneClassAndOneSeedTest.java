package luoshi.rules;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import luoshi.api.compliance.ComplianceItem;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.ServiceRollup;
import luoshi.rules.engine.Compliance;
import org.junit.jupiter.api.Test;

/**
 * Adding a rule type is one class and one seed migration (CONTRIBUTING.md, "The rule engine"): {@link NameLength} and
 * {@code db/test/V901__seed_short_names.sql} are all there is of TEST_NAME_LENGTH, and with them alone the type is
 * declared, its requirement is in the catalog and evaluated (items, evidence, rollups, open items) by the type's own
 * comparison (at most), its parameter is adjustable the type's way (lower only), and new requirements of it are
 * accepted, within its parameter's bounds.
 */
@QuarkusTest
class ARuleTypeIsOneClassAndOneSeedTest {

    static final String ID = "TEST_SHORT_NAMES";
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    @Inject
    Compliance compliance;

    private ComplianceItem item(String region) {
        return compliance.items(region, 2026, AS_OF).items().stream().filter(i -> i.requirementId().equals(ID))
                .findFirst().orElseThrow();
    }

    @Test
    void theServiceDeclaresTheTypeAndItsSeedIsInTheCatalog() {
        given().auth().oauth2(ADMIN).get("/api/v1/rule-types").then().statusCode(200)
                .body("items.type", is(List.of("TEST_MIN_AMOUNT", "TEST_NAME_LENGTH")))
                .body("items[1].owner", is("test"))
                .body("items[1].example", is(Map.of("type", "TEST_NAME_LENGTH", "maxChars", 4)))
                .body("items[1].adjustable", is(List.of("maxChars")))
                .body("items[1].threshold", is("maxChars"));
        given().get("/api/v1/rule-types").then().statusCode(401);
        given().auth().oauth2(ADMIN).get("/api/v1/requirements/" + ID).then().statusCode(200)
                .body("owner", is("test")).body("rule.type", is("TEST_NAME_LENGTH")).body("period", is("STATE"));
    }

    @Test
    void itsRequirementIsJudgedByTheTypesOwnComparisonAndAJurisdictionMayOnlyLowerItsMaximum() {
        // 塔山街道, 府山街道, 柯桥街道: four characters each, at most four: met
        ComplianceItem tashan = item("330602001");
        assertThat(tashan.status()).isEqualTo(ComplianceStatus.COMPLIANT);
        assertThat(tashan.expected()).isEqualTo("at most 4 characters");
        assertThat(tashan.actual()).isEqualTo("4 characters");
        assertThat(tashan.evidence()).singleElement().satisfies(e -> assertThat(e.id()).isEqualTo("330602001"));
        assertThat(item("330602").status()).isEqualTo(ComplianceStatus.NOT_APPLICABLE);     // a county: not its level

        // 柯桥区 allows three: a maximum may only be lowered, so 5 is refused naming the issuer's 4
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"maxChars\":5}")
                .put("/api/v1/requirements/" + ID + "/parameters/330602").then().statusCode(400)
                .body("violations[0].field", is("maxChars")).body("violations[0].message", containsString("at most 4"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"maxChars\":3}")
                .put("/api/v1/requirements/" + ID + "/parameters/330603").then().statusCode(200);
        ComplianceItem keqiao = item("330603001");
        assertThat(keqiao.status()).isEqualTo(ComplianceStatus.NON_COMPLIANT);      // a state not met: at once
        assertThat(keqiao.expected()).isEqualTo("at most 3 characters");
        assertThat(item("330602001").status()).isEqualTo(ComplianceStatus.COMPLIANT);

        ServiceRollup rollup = compliance.rollup("330600", 2026, AS_OF);
        assertThat(rollup.byRequirement().stream().filter(r -> r.requirementId().equals(ID)).findFirst().orElseThrow()
                .counts()).satisfies(c -> {
                    assertThat(c.compliant()).isEqualTo(2);
                    assertThat(c.nonCompliant()).isEqualTo(1);
                });
        assertThat(compliance.allOpenItems(AS_OF, AS_OF.minusDays(1), AS_OF.plusDays(1)))
                .filteredOn(i -> i.requirementId().equals(ID)).singleElement()
                .satisfies(i -> assertThat(i.regionCode()).isEqualTo("330603001"));
    }

    @Test
    void aNewRequirementOfTheTypeIsAcceptedWithinItsParametersBounds() {
        String body = """
                {"id":"%s","title":"Short names","titleZh":"名称简短","source":"rule-core test","issuerRegionCode":"320000",
                 "levels":["TOWNSHIP"],"period":"STATE","rule":%s}""";
        for (String bad : List.of("0", "2.5", "\"3\"", "1e-3000", "3000000000")) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(body.formatted("SHORT_BAD", "{\"type\":\"TEST_NAME_LENGTH\",\"maxChars\":" + bad + "}"))
                    .post("/api/v1/requirements").then().statusCode(400).body("violations.field", hasItem("rule.maxChars"));
        }
        given().auth().oauth2(ADMIN).get("/api/v1/requirements/SHORT_BAD").then().statusCode(404);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(body.formatted("SHORT_JIANGSU", "{\"type\":\"TEST_NAME_LENGTH\",\"maxChars\":6}"))
                .post("/api/v1/requirements").then().statusCode(201).body("owner", is("test")).body("rule.maxChars", is(6));
    }
}
