package luoshi.rules;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import luoshi.api.compliance.ComplianceItem;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.audit.DataVersion;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.rules.engine.Compliance;
import org.junit.jupiter.api.Test;

/**
 * Parameters have bounded precision (API.md, "Concurrency, limits and exposure", Values: money two places and at most
 * 15 digits): a new requirement, a new version and a jurisdiction's setting refuse {@code 1e-3000} and its kin the
 * same way, storing nothing; and a value stored past these checks (by an older release) is read as not set, so no
 * evaluation ever writes it out.
 */
@QuarkusTest
class BoundedParametersTest {

    static final List<String> OUT_OF_BOUNDS = List.of("\"1e-3000\"", "1e-3000", "\"1e400\"", "\"20000.001\"",
            "\"12345678901234.00\"", "\"-5\"", "\"NaN\"", "\"" + "9".repeat(60) + "\"");

    @Inject
    Compliance compliance;

    @Inject
    Database db;

    @Inject
    DataVersion dataVersion;

    private static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON);
    }

    private static String requirement(String id, String minAmount) {
        return """
            {"id":"%s","title":"Youth league funding","titleZh":"共青团工作经费","source":"test","issuerRegionCode":"330600",
             "levels":["TOWNSHIP"],"period":"YEAR","rule":{"type":"TEST_MIN_AMOUNT","minAmount":%s}}
            """.formatted(id, minAmount);
    }

    private long stored() {
        return db.count(Sql.of("SELECT (SELECT COUNT(*) FROM requirement) + (SELECT COUNT(*) FROM requirement_version)"
                + " + (SELECT COUNT(*) FROM requirement_parameter)"));
    }

    private ComplianceItem item(String id, String region) {
        return compliance.items(region, 2026, LocalDate.of(2027, 1, 10)).items().stream()
                .filter(i -> i.requirementId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aValueOutOfBoundsIsRefusedInARequirementAVersionAndASettingAlike() {
        admin().body(requirement("BOUNDED", "\"20000.00\"")).post("/api/v1/requirements").then().statusCode(201);
        long before = stored();
        for (String value : OUT_OF_BOUNDS) {
            admin().body(requirement("BOUNDED_BAD", value)).post("/api/v1/requirements").then().statusCode(400)
                    .body("violations.field", hasItem("rule.minAmount"));
            admin().body("{\"effectiveFrom\":\"2027-01-01\",\"rule\":{\"minAmount\":" + value + "}}")
                    .put("/api/v1/requirements/BOUNDED").then().statusCode(400)
                    .body("violations.field", hasItem("rule.minAmount"));
            admin().body("{\"minAmount\":" + value + "}").put("/api/v1/requirements/BOUNDED/parameters/330602")
                    .then().statusCode(400).body("violations[0].field", is("minAmount"));
        }
        assertThat(stored()).isEqualTo(before);
        // the largest amount there is, two places and 15 digits, is a value like any other
        admin().body("{\"minAmount\":\"9999999999999.99\"}").put("/api/v1/requirements/BOUNDED/parameters/330602")
                .then().statusCode(200);
        assertThat(item("BOUNDED", "330602001").expected()).isEqualTo("9999999999999.99");
    }

    @Test
    void aStoredValueOutOfBoundsCountsAsNotSetAndIsNeverWrittenOut() {
        admin().body(requirement("STORED_SETTING", "\"20000.00\"")).post("/api/v1/requirements").then().statusCode(201);
        admin().body(requirement("STORED_VERSION", "\"20000.00\"")).post("/api/v1/requirements").then().statusCode(201);
        // as an older release could have stored them: a setting of 1e400, a version of 1e-3000
        db.update(Sql.of("INSERT INTO requirement_parameter (requirement_id, region_code, parameters_json)"
                + " VALUES ('STORED_SETTING', '330602', '{\"minAmount\":\"1e400\"}')"));
        db.update(Sql.of("UPDATE requirement_version SET rule_json = '{\"type\":\"TEST_MIN_AMOUNT\",\"minAmount\":\"1e-3000\"}'"
                + " WHERE requirement_id = 'STORED_VERSION'"));
        dataVersion.advance();

        ComplianceItem setting = item("STORED_SETTING", "330602001");
        assertThat(setting.status()).isEqualTo(ComplianceStatus.NON_COMPLIANT);
        assertThat(setting.expected()).isEqualTo("20000.00");                   // the issuer's: the setting is not set
        ComplianceItem version = item("STORED_VERSION", "330602001");
        assertThat(version.status()).isEqualTo(ComplianceStatus.NOT_APPLICABLE);  // no valid value of the threshold
        assertThat(version.expected()).isNull();
        // and the rollup over the subtree reads them the same way
        assertThat(compliance.rollup("330602", 2026, LocalDate.of(2027, 1, 10)).byRequirement().stream()
                .filter(r -> r.requirementId().startsWith("STORED_")).map(r -> r.requirementId() + " "
                        + r.counts().nonCompliant() + "/" + r.counts().notApplicable()).toList())
                .containsExactlyInAnyOrder("STORED_SETTING 2/1", "STORED_VERSION 0/3");
    }
}
