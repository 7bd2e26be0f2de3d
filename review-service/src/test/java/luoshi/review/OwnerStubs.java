package luoshi.review;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import luoshi.api.common.Page;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.ItemOwner;
import luoshi.api.compliance.OpenItem;
import luoshi.api.compliance.ServiceRollup;
import luoshi.api.compliance.StatusCounts;
import luoshi.api.compliance.Weights;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * org- and funding-service's {@code ComplianceSource} as WireMock stubs on dynamic ports, for the
 * reminder job. Tests reach the stubs through their admin API ({@link #org()}, {@link #funding()}).
 */
public class OwnerStubs implements QuarkusTestResourceLifecycleManager {

    static final String OPEN_ITEMS = "/internal/v1/compliance/open-items";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private WireMockServer org;
    private WireMockServer funding;

    @Override
    public Map<String, String> start() {
        org = new WireMockServer(wireMockConfig().dynamicPort());
        funding = new WireMockServer(wireMockConfig().dynamicPort());
        org.start();
        funding.start();
        return Map.of("luoshi.services.org.url", org.baseUrl(), "luoshi.services.funding.url", funding.baseUrl());
    }

    @Override
    public void stop() {
        org.stop();
        funding.stop();
    }

    static WireMock org() {
        return client("luoshi.services.org.url");
    }

    static WireMock funding() {
        return client("luoshi.services.funding.url");
    }

    private static WireMock client(String key) {
        URI uri = URI.create(ConfigProvider.getConfig().getValue(key, String.class));
        return new WireMock(uri.getHost(), uri.getPort());
    }

    /** Both owners answer these items (org) and nothing (funding), as one page each. */
    static void answer(List<OpenItem> orgItems) {
        reset();
        org().register(get(urlPathEqualTo(OPEN_ITEMS)).willReturn(page(orgItems, 0, 500, orgItems.size())));
        funding().register(get(urlPathEqualTo(OPEN_ITEMS)).willReturn(page(List.of(), 0, 500, 0)));
    }

    static void reset() {
        org().resetMappings();
        org().resetRequests();
        funding().resetMappings();
        funding().resetRequests();
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(List<OpenItem> items, int page,
            int size, long total) {
        try {
            return aResponse().withHeader("content-type", "application/json")
                    .withBody(JSON.writeValueAsString(new Page<>(items, page, size, total)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page of {@code items} whose body breaks off after the first {@code after} of them, as a dropped connection leaves it. */
    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder brokenOff(List<OpenItem> items, int after) {
        StringBuilder body = new StringBuilder("{\"items\":[");
        try {
            for (OpenItem i : items.subList(0, after)) {
                body.append(JSON.writeValueAsString(i)).append(',');
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return aResponse().withHeader("content-type", "application/json").withBody(body.toString());
    }

    static com.github.tomakehurst.wiremock.matching.StringValuePattern is(String value) {
        return equalTo(value);
    }

    static OpenItem item(String requirementId, String regionCode, String regionName, LocalDate due,
            ComplianceStatus status) {
        return item(requirementId, regionCode, regionName, due, status, null);
    }

    /** An open item with the unit responsible for it in force on its region (null: none set). */
    static OpenItem item(String requirementId, String regionCode, String regionName, LocalDate due,
            ComplianceStatus status, ItemOwner owner) {
        return new OpenItem(requirementId, "要求 " + requirementId, regionCode, regionName,
                LocalDate.of(due.getYear(), 1, 1), due, due, status, owner);
    }

    /** Both owners answer a rollup of any region that counts nothing (the snapshot job's reads), until a test stubs one. */
    static void emptyRollups() {
        reset();
        for (WireMock owner : List.of(org(), funding())) {
            owner.register(get(urlPathMatching("/internal/v1/compliance/regions/[0-9]+/rollup")).atPriority(10)
                    .willReturn(json(new ServiceRollup("000000", null, 0, null, StatusCounts.ZERO, List.of(), List.of(),
                            List.of(), Weights.ZERO))));
        }
    }

    /** {@code owner} answers {@code rollup} for its region, whatever the year and date asked. */
    static void rollup(WireMock owner, ServiceRollup rollup) {
        owner.register(get(urlPathEqualTo("/internal/v1/compliance/regions/" + rollup.regionCode() + "/rollup")).atPriority(1)
                .willReturn(json(rollup)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(Object body) {
        try {
            return aResponse().withHeader("content-type", "application/json").withBody(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
