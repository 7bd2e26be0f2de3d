package luoshi.funding;

import static luoshi.testing.TestTokens.ADMIN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import luoshi.replica.RegionReplica;
import org.junit.jupiter.api.Test;

/** A change of population in org-service changes the verdict once the read copy has followed the feed. */
@QuarkusTest
@QuarkusTestResource(OrgFeedStub.class)
class ReplicaFollowsOrgServiceTest {

    static final String FEED = "/internal/v1/region-feed";

    @Inject
    RegionReplica replica;

    static void feed(long version, long population) {
        OrgFeedStub.server.stubFor(get(urlPathEqualTo(FEED)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"regions":[{"version":101,"code":"330602013","name":"皋埠街道","level":"TOWNSHIP","parentCode":"330602"}],
                         "population":[{"version":%d,"regionCode":"330602013","year":2025,"total":%d,"female":null,"youth":null}],
                         "version":%d,"more":false}""".formatted(version, population, version))));
    }

    @Test
    void aPopulationChangedInOrgServiceChangesTheWomensFundingVerdict() {
        given().auth().oauth2(ADMIN).get("/internal/v1/compliance/regions/330602013").then().statusCode(404);   // not in the copy yet

        feed(102, 30_000);
        replica.sync();
        Api.fund("330602013", "WOMENS_WORK", 2025, "30000.00");
        assertThat(Api.item("330602013", 2025, "2025-12-31", FundingRequirementsTest.WOMEN))
                .containsEntry("status", "COMPLIANT").containsEntry("expected", "30000.00");

        feed(103, 30_001);   // org-service records one more inhabitant
        replica.sync();
        OrgFeedStub.server.verify(getRequestedFor(urlPathEqualTo(FEED)).withQueryParam("since", equalTo("102")));
        assertThat(Api.item("330602013", 2025, "2025-12-31", FundingRequirementsTest.WOMEN))
                .containsEntry("status", "PENDING").containsEntry("expected", "30001.00");
    }
}
