package luoshi.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static luoshi.testing.Workbooks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import luoshi.testing.TestTokens;
import luoshi.testing.Workbooks;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Reports", at the gateway: the bulk routes of funding, union fees, meetings and population pass an XLSX body
 * on to the service that owns it, as it arrives and byte for byte, with its type; a type no route takes is a 415 (a
 * viewer's workbook is a 403 before it is read: {@link BulkBodiesTest}); the service's 400 naming cells comes back with
 * its cells; the templates pass through with their type and name; the OpenAPI document describes both.
 */
@QuarkusTest
class XlsxRoutesTest extends DownstreamTest {

    private static final String XLSX = Workbooks.XLSX;
    private static final String OPERATOR = TestTokens.token("operator", "000000");

    private Map<String, WireMock> owners() {
        return Map.of("/api/v1/funding/batch", funding, "/api/v1/union-fees/batch", funding, "/api/v1/meetings/batch", review,
                "/api/v1/regions/population/batch", org);
    }

    @Test
    void aWorkbookGoesThroughToTheServiceThatOwnsItsBatchByteForByteWithItsType() {
        byte[] workbook = Workbooks.of("funding", List.of(row("regionCode", "category", "fiscalYear", "amount"),
                row("330602001", "YOUTH_LEAGUE_WORK", 2025, 111.1)));
        owners().forEach((path, service) -> {
            service.register(post(urlPathEqualTo(path)).willReturn(okJson("{\"accepted\":1}")));
            given().auth().oauth2(OPERATOR).contentType(XLSX).body(workbook).post(path).then().statusCode(200);
            List<LoggedRequest> received = service.find(postRequestedFor(urlPathEqualTo(path)));
            assertThat(received).as(path).hasSize(1);
            assertThat(received.get(0).getHeader("Content-Type")).as(path).startsWith(XLSX);
            assertThat(received.get(0).getBody()).as(path).isEqualTo(workbook);
        });
    }

    @Test
    void aTypeNoRouteTakesIsA415() {
        given().auth().oauth2(OPERATOR).contentType("application/pdf").body(new byte[] {1, 2, 3}).post("/api/v1/funding/batch")
                .then().statusCode(415).contentType("application/problem+json");
        assertNoServiceWasCalled();
    }

    @Test
    void theServicesProblemNamingCellsComesBackWithTheCells() {
        funding.register(post(urlPathEqualTo("/api/v1/funding/batch")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"about:blank","title":"Bad Request","status":400,"detail":"funding!D4 ([1].amount): must be greater than 0",
                         "violations":[{"field":"[1].amount","message":"must be greater than 0","cell":"funding!D4"}]}""")));
        JsonPath problem = given().auth().oauth2(OPERATOR).contentType(XLSX).body(new byte[] {'P', 'K'})
                .post("/api/v1/funding/batch").then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getString("violations[0].field")).isEqualTo("[1].amount");
        assertThat(problem.getString("violations[0].cell")).isEqualTo("funding!D4");
        assertThat(problem.getString("detail")).contains("funding!D4");
    }

    @Test
    void theTemplatesPassThroughWithTheirTypeAndName() {
        Map<String, WireMock> templates = Map.of("/api/v1/funding/batch/template", funding, "/api/v1/union-fees/batch/template",
                funding, "/api/v1/meetings/batch/template", review, "/api/v1/regions/population/batch/template", org);
        byte[] workbook = Workbooks.of("funding", List.of(row("地区代码"), row("regionCode")));
        templates.forEach((path, service) -> {
            service.register(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", XLSX)
                    .withHeader("Content-Disposition", "attachment; filename=\"funding-template.xlsx\"").withBody(workbook)));
            byte[] answered = given().auth().oauth2(TestTokens.token("viewer", "330602001")).accept(XLSX).get(path).then()
                    .statusCode(200).contentType(XLSX).header("Content-Disposition", is("attachment; filename=\"funding-template.xlsx\""))
                    .extract().asByteArray();
            assertThat(answered).as(path).isEqualTo(workbook);
            service.verifyThat(1, getRequestedFor(urlPathEqualTo(path)).withHeader("Accept", equalTo(XLSX)));
        });
    }

    @Test
    void theOpenApiDocumentDescribesTheWorkbooksAndTheTemplates() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String path : List.of("/api/v1/funding/batch", "/api/v1/union-fees/batch", "/api/v1/meetings/batch",
                "/api/v1/regions/population/batch")) {
            Map<String, Object> content = doc.getMap("paths.'" + path + "'.post.requestBody.content");
            assertThat(content).as(path).containsKeys("application/json", XLSX);
            assertThat(doc.getMap("paths.'" + path + "/template'.get.responses.'200'.content")).as(path).containsKey(XLSX);
        }
        assertThat(doc.getString("paths.'/api/v1/funding/batch/template'.get.operationId")).isEqualTo("getFundingBatchTemplate");
        assertThat(doc.getList("components.schemas.Violation.properties.cell.examples")).containsExactly("funding!D7");
    }
}
