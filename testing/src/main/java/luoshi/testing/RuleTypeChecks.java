package luoshi.testing;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every service that evaluates requirements must show about its rule types (issue 24, point 7; issue 25): it
 * declares exactly the types it evaluates at {@code GET /api/v1/rule-types}, each as its own, with an example that is
 * the rule of one of its seed requirements; and a threshold of {@code 1e-3000} is refused (400 naming it, nothing
 * stored) in a new requirement, a new version and a jurisdiction's setting alike. A service's {@code RuleTypesTest}
 * extends this class.
 */
public abstract class RuleTypeChecks {

    /** {@code 1e-3000}: once stored, every evaluation wrote out a 3,002-character {@code expected} (issue 24). */
    static final String HOSTILE = "1e-3000";

    private final String owner;
    private final List<String> types;

    /** {@code types}: the service's rule types, by name. */
    protected RuleTypeChecks(String owner, List<String> types) {
        this.owner = owner;
        this.types = types;
    }

    private static JsonPath get(String path) {
        return given().auth().oauth2(ADMIN).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theServiceDeclaresItsTypesEachWithAnExampleThatIsASeedsRule() {
        JsonPath declared = get("/api/v1/rule-types");
        assertThat(declared.getList("items.type", String.class)).isEqualTo(types);
        assertThat(declared.getList("items.owner", String.class)).containsOnly(owner);
        List<Map<String, Object>> seeds = get("/api/v1/requirements").getList("items.rule");
        for (Map<String, Object> type : declared.<Map<String, Object>>getList("items")) {
            assertThat(seeds).as(type.get("type") + "'s example").contains(cast(type.get("example")));
            Object threshold = type.get("threshold");
            assertThat(threshold == null || ((List<?>) type.get("adjustable")).contains(threshold))
                    .as(type.get("type") + "'s threshold is adjustable").isTrue();
        }
    }

    @Test
    void aThresholdOf1eMinus3000IsRefusedInARequirementAVersionAndASetting() {
        JsonPath declared = get("/api/v1/rule-types");
        List<Map<String, Object>> seeds = get("/api/v1/requirements").getList("items");
        for (Map<String, Object> type : declared.<Map<String, Object>>getList("items")) {
            String threshold = (String) type.get("threshold");
            if (threshold == null) {
                continue;
            }
            Map<String, Object> rule = new LinkedHashMap<>(cast(type.get("example")));
            rule.put(threshold, HOSTILE);
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("id", "HOSTILE_" + type.get("type"),
                    "title", "t", "titleZh", "t", "source", "s", "issuerRegionCode", "000000", "levels", List.of("COUNTY"),
                    "period", "YEAR", "rule", rule)).post("/api/v1/requirements").then().statusCode(400)
                    .body("violations.field", hasItem("rule." + threshold));
            given().auth().oauth2(ADMIN).get("/api/v1/requirements/HOSTILE_" + type.get("type")).then().statusCode(404);
            for (Map<String, Object> seed : seeds) {
                if (!type.get("type").equals(cast(seed.get("rule")).get("type"))) {
                    continue;
                }
                String id = (String) seed.get("id");
                int versions = get("/api/v1/requirements/" + id).getList("versions").size();
                given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                        .body(Map.of("effectiveFrom", "2099-01-01", "rule", Map.of(threshold, HOSTILE)))
                        .put("/api/v1/requirements/" + id).then().statusCode(400)
                        .body("violations.field", hasItem("rule." + threshold));
                assertThat(get("/api/v1/requirements/" + id).getList("versions")).hasSize(versions);
                if ("000000".equals(seed.get("issuerRegionCode"))) {
                    given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of(threshold, HOSTILE))
                            .put("/api/v1/requirements/" + id + "/parameters/000000").then().statusCode(400)
                            .body("violations[0].field", is(threshold));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object json) {
        return (Map<String, Object>) json;
    }
}
