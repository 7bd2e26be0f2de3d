package luoshi.system;

import static luoshi.system.PublicApi.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import luoshi.system.PublicApi.Answer;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #24, "each service declares the rule types it evaluates": one requirement of every rule type is created through
 * the gateway and evaluated. The list of types comes from the system itself, {@code GET /api/v1/rule-types} (each
 * service's {@code RuleType} beans, through its catalog: {@code {"type","owner","example","adjustable","threshold"}}),
 * never from a list kept in a test or in the gateway (the gateway's own list had drifted: ORGANIZATION_COVERAGE could not
 * be created through it). A second test takes the rules of the seeded requirements, so that every type in use today is
 * checked whatever the list says.
 *
 * <p>The requirements are issued by 苏州市 (320500), which no other test reads, for every level; each must then be an item
 * of 虎丘区's (320505) compliance answer.
 */
class EveryRuleTypeTest {

    static final String ISSUER = "320500";
    static final String COUNTY = "320505";
    static final List<String> TODAYS_TYPES = List.of("FUNDING_MIN_AMOUNT", "FUNDING_PER_CAPITA", "COLLECTION_RATE",
            "MEETING_COUNT", "DOCUMENT_SUBMITTED", "LEADER_EMPLOYMENT", "LEADER_SHARE", "ORGANIZATION_COVERAGE",
            "SATISFACTION_RATE");
    static final String ADMIN = TestTokens.token("admin", ISSUER);

    @BeforeAll
    static void region() {
        LuoshiSystem.get();
        PublicApi.realRegions("320505001");
        // a TERM requirement has an item for each committee term that overlaps the year
        Answer term = send(TestTokens.ADMIN, "POST", "/api/v1/committee-terms", Map.of(), "application/json",
                "{\"regionCode\":\"" + COUNTY + "\",\"start\":\"2021-10-01\",\"end\":\"2026-09-30\"}");
        assertThat(term.status()).as("the county's committee term → " + term).isIn(201, 409);
    }

    @Test
    void aRequirementOfEveryRuleTypeTheSystemListsIsCreatedThroughTheGatewayAndEvaluated() {
        Answer listed = send(TestTokens.token("viewer", COUNTY), "GET", "/api/v1/rule-types", Map.of(), null, (byte[]) null);
        assertThat(listed.status()).as("GET /api/v1/rule-types → " + listed).isEqualTo(200);
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (JsonNode item : listed.json().path("items")) {
            String type = item.path("type").asText();
            if (!List.of("org", "funding", "review").contains(item.path("owner").asText())) {
                wrong.add(type + ": owner " + item.path("owner"));
            }
            if (!item.path("example").isObject() || !type.equals(item.path("example").path("type").asText(type))) {
                wrong.add(type + ": example " + item.path("example") + " is not a rule of that type");
            }
            if (!item.path("adjustable").isArray()) {
                wrong.add(type + ": adjustable " + item.path("adjustable") + " is not a list");
            }
            if (item.path("example").isObject()) {
                // the example is a rule of its type; its type named in it or not
                examples.put(type, ((ObjectNode) item.path("example").deepCopy()).put("type", type));
            }
        }
        assertThat(wrong).as("rule types as the lead's format has them").isEmpty();
        assertThat(examples.keySet()).as("the rule types the system lists").containsAll(TODAYS_TYPES);
        requireEach("EVERY_", examples);
    }

    @Test
    void aRequirementOfEveryRuleTypeTheSeedsUseIsCreatedThroughTheGatewayAndEvaluated() {
        Map<String, JsonNode> rules = new LinkedHashMap<>();
        for (JsonNode r : send(TestTokens.ADMIN, "GET", "/api/v1/requirements", Map.of(), null, (byte[]) null).json().path("items")) {
            rules.putIfAbsent(r.path("rule").path("type").asText(), r.path("rule"));
        }
        assertThat(rules.keySet()).as("the rule types of the catalog's requirements").containsAll(TODAYS_TYPES);
        requireEach("SEEDED_", rules);
    }

    /**
     * Creates a requirement of each rule ({@code POST /api/v1/requirements} as an admin of the issuer), in the period a
     * seeded requirement of its type has (YEAR when none), and finds it among the county's items.
     */
    private static void requireEach(String prefix, Map<String, JsonNode> rules) {
        Map<String, JsonNode> seeds = new LinkedHashMap<>();
        for (JsonNode r : send(TestTokens.ADMIN, "GET", "/api/v1/requirements", Map.of(), null, (byte[]) null).json().path("items")) {
            seeds.putIfAbsent(r.path("rule").path("type").asText(), r);
        }
        List<String> failures = new ArrayList<>();
        Map<String, String> created = new LinkedHashMap<>();
        rules.forEach((type, rule) -> {
            JsonNode seed = seeds.get(type);
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            String id = prefix + type;
            body.put("id", id);
            body.put("title", "Every rule type: " + type);
            body.put("titleZh", "每种规则类型：" + type);
            body.put("source", "ISSUE-24");
            body.put("issuerRegionCode", ISSUER);
            ArrayNode levels = body.putArray("levels");
            List.of("CITY", "COUNTY", "TOWNSHIP").forEach(levels::add);
            body.put("period", seed == null ? "YEAR" : seed.path("period").asText("YEAR"));
            if (seed != null && seed.hasNonNull("dueDate")) {
                body.set("dueDate", seed.get("dueDate"));
            }
            body.set("rule", rule);
            Answer a = send(ADMIN, "POST", "/api/v1/requirements", Map.of(), "application/json", body.toString());
            if (a.status() == 201) {
                created.put(type, id);
            } else {
                failures.add("POST /api/v1/requirements " + body + " → " + a);
            }
        });
        JsonNode compliance = send(ADMIN, "GET", "/api/v1/compliance/" + COUNTY + "?year=2025&asOf=2026-01-15", Map.of(), null,
                (byte[]) null).json();
        assertThat(compliance.path("incomplete")).as("services that did not answer: " + compliance).isEmpty();
        List<String> evaluated = new ArrayList<>();
        compliance.path("items").forEach(i -> evaluated.add(i.path("requirementId").asText()));
        created.forEach((type, id) -> {
            if (!evaluated.contains(id)) {
                failures.add(type + ": " + id + " was created but is no item of " + COUNTY + "'s compliance");
            }
        });
        assertThat(failures).as("rule types that cannot be required through the gateway").isEmpty();
    }
}
