package luoshi.replica;

import static luoshi.testing.TestTokens.ADMIN;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import luoshi.api.common.Violation;
import luoshi.api.region.RegionLevel;
import luoshi.audit.DataVersion;
import luoshi.platform.ProblemException;
import luoshi.testing.MariaDbTestResource;
import luoshi.testing.JwtTestResource;
import luoshi.testing.Management;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = MariaDbTestResource.class, initArgs = @ResourceArg(name = "schema", value = "replica"))
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(RegionReplicaTest.Feed.class)
class RegionReplicaTest {

    /** org-service's change feed, on WireMock. */
    public static class Feed implements QuarkusTestResourceLifecycleManager {
        static WireMockServer server;

        @Override
        public Map<String, String> start() {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            server.start();
            return Map.of("luoshi.services.org.url", server.baseUrl());
        }

        @Override
        public void stop() {
            server.stop();
        }
    }

    static final String FEED = "/internal/v1/region-feed";

    /** Health is on the management interface (platform). */
    @TestHTTPResource(value = "/", management = true)
    URI management;

    @Inject
    RegionReplica replica;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DataVersion dataVersion;

    @BeforeEach
    void resetCopy() throws Exception {
        Feed.server.resetAll();
        sql("UPDATE replica_state SET version = 0, synced_at = NULL WHERE id = 1");
        replica.forgetVersion();
    }

    @Test
    void followsTheFeedPageByPageAndAppliesLaterVersions() throws Exception {
        Feed.server.stubFor(get(urlPathEqualTo("/internal/v1/region-feed")).withQueryParam("since", com.github.tomakehurst.wiremock.client.WireMock.equalTo("0"))
                .willReturn(okJson("""
                    {"regions":[{"version":1,"code":"330600","name":"绍兴","level":"CITY","parentCode":"330000"},
                                {"version":2,"code":"330602","name":"越城区","level":"COUNTY","parentCode":"330600"}],
                     "population":[{"version":3,"regionCode":"330602","year":2025,"total":527600,"female":260000,"youth":null}],
                     "version":3,"more":true}""")));
        Feed.server.stubFor(get(urlPathEqualTo("/internal/v1/region-feed")).withQueryParam("since", com.github.tomakehurst.wiremock.client.WireMock.equalTo("3"))
                .willReturn(okJson("""
                    {"regions":[{"version":4,"code":"330600","name":"绍兴市","level":"CITY","parentCode":"330000"}],
                     "population":[],"version":4,"more":false}""")));

        replica.sync();

        // both pages were asked for with this service's own token (role service), never anonymously
        Feed.server.verify(2, getRequestedFor(urlPathEqualTo("/internal/v1/region-feed"))
                .withHeader("Authorization", matching("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+")));
        assertThat(Feed.server.getAllServeEvents()).allSatisfy(e -> assertThat(claims(e.getRequest().getHeader("Authorization")))
                .contains("\"groups\":[\"service\"]", "\"region\":\"000000\""));
        assertThat(replica.find("330600")).contains(new ReplicaRegion("330600", "绍兴市", RegionLevel.CITY, "330000"));
        assertThat(replica.find("330602")).contains(new ReplicaRegion("330602", "越城区", RegionLevel.COUNTY, "330600"));
        assertThat(scalar("SELECT CONCAT(total, '/', female, '/', COALESCE(youth, '-')) FROM population WHERE region_code = '330602' AND year = 2025"))
                .isEqualTo("527600/260000/-");
        assertThat(replica.state().version()).isEqualTo(4);
        assertThat(replica.state().syncedAt()).isNotNull();
        assertThat(replica.warnings()).isEmpty();
        Management.given(management).get("/q/health").then().body("checks.find { it.name == 'region copy' }.status", is("UP"));
    }

    @Test
    void aPopulationRowDeletedInOrgServiceIsDeletedFromTheCopy() throws Exception {
        // org-service keeps a deleted row as a tombstone that the feed carries with total null (API.md, "Corrections")
        Feed.server.stubFor(get(urlPathEqualTo("/internal/v1/region-feed")).withQueryParam("since", com.github.tomakehurst.wiremock.client.WireMock.equalTo("0"))
                .willReturn(okJson("""
                    {"regions":[{"version":1,"code":"330603","name":"柯桥区","level":"COUNTY","parentCode":"330600"}],
                     "population":[{"version":2,"regionCode":"330603","year":2024,"total":1100000,"female":540000,"youth":null},
                                   {"version":3,"regionCode":"330603","year":2025,"total":1110000,"female":null,"youth":null}],
                     "version":3,"more":false}""")));
        Feed.server.stubFor(get(urlPathEqualTo("/internal/v1/region-feed")).withQueryParam("since", com.github.tomakehurst.wiremock.client.WireMock.equalTo("3"))
                .willReturn(okJson("""
                    {"regions":[],
                     "population":[{"version":4,"regionCode":"330603","year":2025,"total":null,"female":null,"youth":null}],
                     "version":4,"more":false}""")));

        replica.sync();
        assertThat(scalar("SELECT COUNT(*) FROM population WHERE region_code = '330603'")).isEqualTo("2");
        long before = dataVersion.current();

        replica.sync();
        assertThat(scalar("SELECT COUNT(*) FROM population WHERE region_code = '330603' AND year = 2025")).isEqualTo("0");
        assertThat(scalar("SELECT total FROM population WHERE region_code = '330603' AND year = 2024")).isEqualTo("1100000");
        assertThat(replica.state().version()).isEqualTo(4);
        assertThat(dataVersion.current()).isGreaterThan(before); // answers kept by data version are computed again
    }

    @Test
    void aLateDeletionNeverDeletesANewerRow() throws Exception {
        Feed.server.stubFor(get(urlPathEqualTo(FEED)).willReturn(okJson("""
                {"regions":[{"version":1,"code":"330624","name":"新昌县","level":"COUNTY","parentCode":"330600"}],
                 "population":[{"version":6,"regionCode":"330624","year":2024,"total":440000,"female":null,"youth":null},
                               {"version":6,"regionCode":"330624","year":2023,"total":438000,"female":null,"youth":null}],
                 "version":6,"more":false}""")));
        replica.sync();

        // a page from before names the 2024 row deleted at version 5 and the 2023 row deleted at version 7
        Feed.server.resetAll();
        sql("UPDATE replica_state SET version = 0 WHERE id = 1");
        replica.forgetVersion();
        Feed.server.stubFor(get(urlPathEqualTo(FEED)).willReturn(okJson("""
                {"regions":[],
                 "population":[{"version":5,"regionCode":"330624","year":2024,"total":null,"female":null,"youth":null},
                               {"version":7,"regionCode":"330624","year":2023,"total":null,"female":null,"youth":null}],
                 "version":7,"more":false}""")));
        replica.sync();

        assertThat(scalar("SELECT total FROM population WHERE region_code = '330624' AND year = 2024")).isEqualTo("440000");
        assertThat(scalar("SELECT COUNT(*) FROM population WHERE region_code = '330624' AND year = 2023")).isEqualTo("0");
    }

    @Test
    void aBatchNamingRegionsTheCopyLacksIsRefusedNamingEachRowAfterACatchUp() {
        Feed.server.stubFor(get(urlPathEqualTo(FEED)).willReturn(okJson("""
                {"regions":[{"version":1,"code":"330681","name":"诸暨市","level":"COUNTY","parentCode":"330600"},
                            {"version":1,"code":"330681001","name":"暨阳街道","level":"TOWNSHIP","parentCode":"330681"}],
                 "population":[],"version":1,"more":false}""")));

        assertThatThrownBy(() -> replica.requireKnownRows(List.of("330681001", "330681998", "330681", "330681998"), code -> code))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().violations())
                        .containsExactly(new Violation("[1].regionCode", "no region 330681998"),
                                new Violation("[3].regionCode", "no region 330681998")));
        // the catch-up brought the others into the copy
        replica.requireKnownRows(List.of("330681001", "330681"), code -> code);
        assertThat(replica.requireKnown("330681001").name()).isEqualTo("暨阳街道");
        assertThatThrownBy(() -> replica.requireKnown("330681998")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().status()).isEqualTo(404));
    }

    @Test
    void aCopyThatCannotCatchUpForLongerThanAllowedSaysSo() throws Exception {
        Feed.server.stubFor(get(urlPathEqualTo("/internal/v1/region-feed")).willReturn(aResponse().withStatus(503)));
        sql("UPDATE replica_state SET version = 4, synced_at = NOW(3) - INTERVAL 1 HOUR WHERE id = 1");

        assertThatThrownBy(replica::sync).isInstanceOf(RuntimeException.class);

        assertThat(replica.state().stale()).isTrue();
        assertThat(replica.warnings()).singleElement().asString().contains("more than 10 min ago");
        Management.given(management).get("/q/health").then().statusCode(503)
                .body("checks.find { it.name == 'region copy' }.status", is("DOWN"));
    }

    @Test
    void aCopyThatNeverCaughtUpIsStale() {
        assertThat(replica.state().stale()).isTrue();
        assertThat(replica.warnings()).singleElement().asString().contains("has not caught up");
    }

    @Test
    void theFollowerAppliesWhatALongPollAnswersAndALatePageNeverUndoesANewerRow() throws Exception {
        // the long poll after 1001 finds nothing new: the feed holds it a moment and answers an empty page
        Feed.server.stubFor(get(urlPathEqualTo(FEED)).atPriority(1).withQueryParam("since", equalTo("1001"))
                .withQueryParam("waitMs", equalTo("25000"))
                .willReturn(okJson("{\"regions\":[],\"population\":[],\"version\":1001,\"more\":false}").withFixedDelay(200)));
        Feed.server.stubFor(get(urlPathEqualTo(FEED)).atPriority(5).willReturn(okJson("""
                {"regions":[{"version":1001,"code":"330699901","name":"甲街道","level":"TOWNSHIP","parentCode":"330699"}],
                 "population":[],"version":1001,"more":false}""")));

        replica.startFollowing();
        try {
            awaitUntil(() -> replica.find("330699901").isPresent());
            awaitUntil(() -> Feed.server.findAll(getRequestedFor(urlPathEqualTo(FEED)).withQueryParam("since", equalTo("1001"))).size() >= 2);
        } finally {
            replica.stopFollowing();
        }
        assertThat(replica.version()).isEqualTo(1001);
        assertThat(replica.state().version()).isEqualTo(1001);

        // a page from before (another replica's, or one that arrives late) names the row at an older version
        Feed.server.resetAll();
        sql("UPDATE replica_state SET version = 0 WHERE id = 1");
        replica.forgetVersion();
        Feed.server.stubFor(get(urlPathEqualTo(FEED)).willReturn(okJson("""
                {"regions":[{"version":1000,"code":"330699901","name":"乙街道","level":"TOWNSHIP","parentCode":"330699"}],
                 "population":[],"version":1000,"more":false}""")));
        replica.sync();
        assertThat(replica.find("330699901").orElseThrow().name()).isEqualTo("甲街道");
    }

    @Test
    void aComplianceReadAskingForANewerVersionCatchesUpFirstAndSaysItsVersion() {
        Feed.server.stubFor(get(urlPathEqualTo(FEED)).willReturn(okJson("""
                {"regions":[{"version":2000,"code":"330699902","name":"丙街道","level":"TOWNSHIP","parentCode":"330699"}],
                 "population":[],"version":2000,"more":false}""")));

        given().auth().oauth2(ADMIN).header(luoshi.api.region.RegionFeed.MIN_VERSION_HEADER, "2000")
                .get("/internal/v1/compliance/regions/330699902").then().statusCode(200)
                .body(is("丙街道")).header(luoshi.api.region.RegionFeed.VERSION_HEADER, "2000");
        // asked for a version it has: no call to the feed
        Feed.server.resetAll();
        given().auth().oauth2(ADMIN).header(luoshi.api.region.RegionFeed.MIN_VERSION_HEADER, "1999")
                .get("/internal/v1/compliance/regions/330699902").then().statusCode(200)
                .header(luoshi.api.region.RegionFeed.VERSION_HEADER, "2000");
        given().auth().oauth2(ADMIN).get("/internal/v1/compliance/regions/330699902").then().statusCode(200)
                .header(luoshi.api.region.RegionFeed.VERSION_HEADER, "2000");
        Feed.server.verify(0, getRequestedFor(urlPathEqualTo(FEED)));
        given().auth().oauth2(ADMIN).header(luoshi.api.region.RegionFeed.MIN_VERSION_HEADER, "soon")
                .get("/internal/v1/compliance/regions/330699902").then().statusCode(400);
    }

    /**
     * A page moves the answer versions of the regions it changes and their ancestors; a page of more regions than
     * {@code luoshi.replica.precise-page-regions} (2 here) moves the whole country's as one counter (issue #29: the
     * gateway receives every counter that moves).
     */
    @Test
    void aSmallPageMovesItsRegionsAnswersAndABulkPageEveryAnswer() throws Exception {
        Feed.server.stubFor(get(urlPathEqualTo(FEED)).withQueryParam("since", com.github.tomakehurst.wiremock.client.WireMock.equalTo("0"))
                .willReturn(okJson("""
                    {"regions":[{"version":1,"code":"330604","name":"上虞区","level":"COUNTY","parentCode":"330600"}],
                     "population":[],"version":1,"more":false}""")));
        Feed.server.stubFor(get(urlPathEqualTo(FEED)).withQueryParam("since", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))
                .willReturn(okJson("""
                    {"regions":[{"version":2,"code":"330681","name":"诸暨市","level":"COUNTY","parentCode":"330600"},
                                {"version":3,"code":"330682","name":"上虞市","level":"COUNTY","parentCode":"330600"},
                                {"version":4,"code":"330683","name":"嵊州市","level":"COUNTY","parentCode":"330600"}],
                     "population":[],"version":4,"more":false}""")));
        String county = dataVersion.ofSubtree("330604");
        String city = dataVersion.ofSubtree("330600");
        String other = dataVersion.ofSubtree("320000");
        replica.sync();
        assertThat(dataVersion.ofSubtree("330604")).isNotEqualTo(county);
        assertThat(dataVersion.ofSubtree("330600")).isNotEqualTo(city);
        assertThat(dataVersion.ofSubtree("320000")).as("another province: not moved by one county").isEqualTo(other);

        replica.sync();
        assertThat(dataVersion.ofSubtree("320000")).as("moved by a page of three regions").isNotEqualTo(other);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(20);   // polled, with a deadline
        }
    }

    private void sql(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String scalar(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The claims of a bearer token, as JSON text. */
    private static String claims(String authorization) {
        String token = authorization.substring("Bearer ".length());
        return new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
    }
}
