package luoshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * #15, #24: the gateway's Swagger UI in a real headless Chromium (Debian's, /usr/bin/chromium or $LUOSHI_CHROMIUM;
 * .ci/run installs it), driven by playwright-core (src/test/browser/swagger-ui.mjs), opened at
 * {@code http://127.0.0.1:<port>} with the gateway's default document (its server relative, {@code /}): the "Authorize"
 * dialog has one bearer box; the token pasted there survives a reload of the page; "Try it out" fills in none of
 * asOf, Cache-Control and Idempotency-Key; on getCompliance it calls the address the page was opened at and answers
 * 200. Skipped, saying so, only when there is no Chromium.
 */
class SwaggerUiBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LUOSHI_CHROMIUM", "/usr/bin/chromium"));

    @Test
    void openedAt127001ATokenPastedInTheOneAuthorizeBoxSurvivesAReloadAndTryItOutAnswers200() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "SKIPPED the Swagger UI check: no Chromium at " + CHROMIUM
                + " (Debian: apt-get install chromium; .ci/run installs it)");
        LuoshiSystem system = LuoshiSystem.get();
        Path tools = NodeTools.installed();
        String token = TestTokens.token("viewer", "000000");

        NodeTools.Result run = NodeTools.run(NodeTools.sources(), 180, "node", "swagger-ui.mjs", tools.toString(),
                system.gateway().toString(), token, "000000");

        assertThat(run.exit()).as(run.output()).isZero();
        String[] lines = run.output().strip().split("\n");
        JsonNode seen = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertThat(seen.path("page").asText()).as("the page's address").startsWith("http://127.0.0.1:");
        assertThat(seen.path("authorizeBoxes").asInt()).as("bearer boxes in the Authorize dialog").isEqualTo(1);
        assertThat(seen.path("error").asText(null)).as("a step in the browser").isNull();
        for (String field : new String[] {"asOf", "Cache-Control", "Idempotency-Key"}) {
            assertThat(seen.path("preFilled").path(field).asText(null)).as("what Try it out fills in for " + field).isEmpty();
        }
        assertThat(seen.path("url").asText()).as("Try it out calls the address the page was opened at")
                .startsWith(system.gateway() + "/api/v1/compliance/000000");
        assertThat(seen.path("authorization").asBoolean()).as("the call carries the token pasted before the reload").isTrue();
        assertThat(seen.path("status").asInt()).as("GET /api/v1/compliance/000000 from Try it out").isEqualTo(200);
        assertThat(seen.path("shownStatus").asText()).as("the status Swagger UI shows").isEqualTo("200");
    }
}
