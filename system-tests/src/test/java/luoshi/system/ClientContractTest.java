package luoshi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import luoshi.client.ApiClient;
import luoshi.client.ApiException;
import luoshi.client.api.ComplianceApi;
import luoshi.client.api.FundingApi;
import luoshi.client.api.RegionsApi;
import luoshi.client.api.WebhooksApi;
import luoshi.client.model.ChildCompliance;
import luoshi.client.model.ComplianceItem;
import luoshi.client.model.ComplianceReport;
import luoshi.client.model.ComplianceRollup;
import luoshi.client.model.ComplianceStatus;
import luoshi.client.model.CreatedWebhook;
import luoshi.client.model.FundingCategory;
import luoshi.client.model.FundingRecord;
import luoshi.client.model.NewFundingRecord;
import luoshi.client.model.NewWebhook;
import luoshi.client.model.Population;
import luoshi.client.model.PopulationWrite;
import luoshi.client.model.Problem;
import luoshi.client.model.Region;
import luoshi.client.model.RegionLevel;
import luoshi.client.model.RegionWrite;
import luoshi.client.model.RequirementCompliance;
import luoshi.client.model.Violation;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * #15: the README's first session through a Java client that the build generates from the gateway's OpenAPI document
 * (target/generated-client, by openapi-generator 7.25.0: java, library native, Jackson; see the pom) and compiles
 * unchanged: regions, population, funding, compliance, rollup, a webhook created (its secret kept from the answer)
 * and deleted, and a 400 read as a problem through the client's ApiException.
 *
 * <p>The session's year is 2022, which no other system test writes, so that its answers are this session's alone
 * whichever test class runs first.
 */
// First of the classes (junit-platform.properties): the README's session sees the catalog as seeded, before
// AuthorizationMatrixTest sets 越城区's youth-league parameter.
@Order(1)
class ClientContractTest {

    static final int YEAR = 2022;
    static final LocalDate AS_OF = LocalDate.of(2023, 1, 15);
    static final String TOWNSHIP = "330602001";

    @Test
    void theFirstSessionOfTheReadmeRunsThroughTheGeneratedClient() throws Exception {
        ApiClient operator = client(TestTokens.token("operator", "000000"));
        RegionsApi regions = new RegionsApi(operator);

        // the regions, from the province down to 塔山街道, parents first
        put(regions, "330000", "浙江省", RegionLevel.PROVINCE, null);
        put(regions, "330600", "绍兴市", RegionLevel.CITY, "330000");
        put(regions, "330602", "越城区", RegionLevel.COUNTY, "330600");
        Region tashan = put(regions, TOWNSHIP, "塔山街道", RegionLevel.TOWNSHIP, "330602");
        assertThat(tashan.getCode()).isEqualTo(TOWNSHIP);
        assertThat(tashan.getName()).isEqualTo("塔山街道");
        assertThat(tashan.getLevel()).isEqualTo(RegionLevel.TOWNSHIP);
        assertThat(tashan.getParentCode()).isEqualTo("330602");

        Population population = regions.putPopulation(RegionsApi.APIPutPopulationRequest.newBuilder()
                .code(TOWNSHIP).year(YEAR).populationWrite(new PopulationWrite().total(30_000L)).build());
        assertThat(population.getRegionCode()).isEqualTo(TOWNSHIP);
        assertThat(population.getYear()).isEqualTo(YEAR);
        assertThat(population.getTotal()).isEqualTo(30_000L);

        // youth-league funding one cent short of SHAOXING-2015 item 21's 20,000 CNY; money is an exact string
        FundingApi funding = new FundingApi(operator);
        FundingRecord stored = funding.createFunding(FundingApi.APICreateFundingRequest.newBuilder()
                .newFundingRecord(youthLeagueFunding("19999.99")).build());
        assertThat(stored.getId()).isNotBlank();
        assertThat(stored.getRegionCode()).isEqualTo(TOWNSHIP);
        assertThat(stored.getCategory()).isEqualTo(FundingCategory.YOUTH_LEAGUE_WORK);
        assertThat(stored.getFiscalYear()).isEqualTo(YEAR);
        assertThat(stored.getAmount()).isEqualTo("19999.99");
        assertThat(stored.getDocumentRef()).isEqualTo("绍市财〔2022〕12号");

        // a 400 is a problem, read through the client's exception, and stores nothing
        ApiException refused = catchThrowableOfType(ApiException.class, () -> funding.createFunding(
                FundingApi.APICreateFundingRequest.newBuilder().newFundingRecord(youthLeagueFunding("0.001")).build()));
        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Problem problem = problem(operator, refused);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getTitle()).isNotBlank();
        assertThat(problem.getViolations()).extracting(Violation::getField).containsExactly("amount");
        assertThat(funding.listFunding(FundingApi.APIListFundingRequest.newBuilder()
                .regionCode(TOWNSHIP).fiscalYear(YEAR).build()).getItems())
                .extracting(FundingRecord::getAmount).containsExactly("19999.99");

        // every requirement with its evidence; funding- and review-service learn of the township from org-service's feed
        ComplianceApi compliance = new ComplianceApi(operator);
        AtomicReference<ComplianceReport> report = new AtomicReference<>();
        Poll.until("the township's youth-league funding judged with every service answering", Duration.ofSeconds(60), () -> {
            report.set(call(() -> compliance.getCompliance(ComplianceApi.APIGetComplianceRequest.newBuilder()
                    .regionCode(TOWNSHIP).year(YEAR).asOf(AS_OF).build())));
            return report.get().getIncomplete().isEmpty() && youthLeague(report.get()).getStatus() != ComplianceStatus.NO_DATA;
        });
        assertThat(report.get().getRegionCode()).isEqualTo(TOWNSHIP);
        assertThat(report.get().getRegionName()).isEqualTo("塔山街道");
        assertThat(report.get().getYear()).isEqualTo(YEAR);
        assertThat(report.get().getAsOf()).isEqualTo(AS_OF);
        ComplianceItem item = youthLeague(report.get());
        assertThat(item.getStatus()).isEqualTo(ComplianceStatus.NON_COMPLIANT);
        assertThat(item.getExpected()).isEqualTo("20000.00");
        assertThat(item.getActual()).isEqualTo("19999.99");
        assertThat(item.getEvidence()).anySatisfy(e -> assertThat(e.getId()).isEqualTo(stored.getId()));
        assertThat(report.get().getSummary().getNONCOMPLIANT()).isGreaterThanOrEqualTo(1L);

        // counts per county and requirement over Shaoxing
        ComplianceRollup rollup = compliance.getComplianceRollup(ComplianceApi.APIGetComplianceRollupRequest.newBuilder()
                .regionCode("330600").year(YEAR).asOf(AS_OF).build());
        assertThat(rollup.getRegionCode()).isEqualTo("330600");
        assertThat(rollup.getYear()).isEqualTo(YEAR);
        assertThat(rollup.getIncomplete()).isEmpty();
        ChildCompliance yuecheng = rollup.getChildren().stream().filter(c -> c.getRegionCode().equals("330602"))
                .findFirst().orElseThrow();
        assertThat(yuecheng.getRegionName()).isEqualTo("越城区");
        assertThat(yuecheng.getCounts().getNONCOMPLIANT()).isGreaterThanOrEqualTo(1L);
        RequirementCompliance youthLeagueRule = rollup.getByRequirement().stream()
                .filter(r -> r.getRequirementId().equals("TOWNSHIP_YOUTH_LEAGUE_FUNDING")).findFirst().orElseThrow();
        assertThat(youthLeagueRule.getCounts().getCOMPLIANT()).as("no township had 20,000 CNY in %s", YEAR).isZero();
        assertThat(youthLeagueRule.getCounts().getNONCOMPLIANT()).isGreaterThanOrEqualTo(1L);

        // a webhook (admin): the signing secret is in the creation answer, this once
        WebhooksApi webhooks = new WebhooksApi(client(TestTokens.ADMIN));
        CreatedWebhook webhook = webhooks.createWebhook(WebhooksApi.APICreateWebhookRequest.newBuilder()
                .newWebhook(new NewWebhook().url("http://127.0.0.1:9099/hook").regionCode("330602")).build());
        assertThat(webhook.getId()).isNotBlank();
        assertThat(webhook.getUrl()).isEqualTo("http://127.0.0.1:9099/hook");
        assertThat(webhook.getRegionCode()).isEqualTo("330602");
        String secret = webhook.getSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSizeGreaterThanOrEqualTo(24);

        webhooks.deleteWebhook(WebhooksApi.APIDeleteWebhookRequest.newBuilder().id(webhook.getId()).build());
        ApiException gone = catchThrowableOfType(ApiException.class, () -> webhooks.deleteWebhook(
                WebhooksApi.APIDeleteWebhookRequest.newBuilder().id(webhook.getId()).build()));
        assertThat(gone.getCode()).isEqualTo(404);
        assertThat(problem(operator, gone).getStatus()).isEqualTo(404);

    }

    /** A client of the running gateway, every call with this bearer token. */
    static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(LuoshiSystem.get().gateway().toString());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    static Region put(RegionsApi regions, String code, String name, RegionLevel level, String parentCode)
            throws ApiException {
        return regions.putRegion(RegionsApi.APIPutRegionRequest.newBuilder().code(code)
                .regionWrite(new RegionWrite().name(name).level(level).parentCode(parentCode)).build());
    }

    static NewFundingRecord youthLeagueFunding(String amount) {
        return new NewFundingRecord().regionCode(TOWNSHIP).category(FundingCategory.YOUTH_LEAGUE_WORK).fiscalYear(YEAR)
                .amount(amount).documentRef("绍市财〔2022〕12号");
    }

    static ComplianceItem youthLeague(ComplianceReport report) {
        return report.getItems().stream().filter(i -> i.getRequirementId().equals("TOWNSHIP_YOUTH_LEAGUE_FUNDING"))
                .findFirst().orElseThrow();
    }

    /** The problem details of an error answer, read with the client's own mapper into its Problem model. */
    static Problem problem(ApiClient client, ApiException e) throws Exception {
        return client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }

    interface Call<T> {
        T run() throws ApiException;
    }

    static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ApiException e) {
            throw new AssertionError("HTTP " + e.getCode() + ": " + e.getResponseBody(), e);
        }
    }
}
