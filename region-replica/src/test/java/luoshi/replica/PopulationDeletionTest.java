package luoshi.replica;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import luoshi.audit.DataVersion;
import org.junit.jupiter.api.Test;

/**
 * org-service deletes a population row as a tombstone that the feed carries with {@code total} null (API.md,
 * "Corrections"): the copy deletes its row, keeps the others, and advances the data version so kept answers are
 * recomputed. The feed is {@link RegionReplicaTest}'s WireMock.
 */
@QuarkusTest
class PopulationDeletionTest {

    @Inject
    RegionReplica replica;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DataVersion dataVersion;

    @Test
    void aPopulationRowDeletedInOrgServiceIsDeletedFromTheCopy() throws Exception {
        RegionReplicaTest.Feed.server.resetAll();
        execute("UPDATE replica_state SET version = 100, synced_at = NULL WHERE id = 1");
        RegionReplicaTest.Feed.server.stubFor(get(urlPathEqualTo("/internal/v1/region-feed")).withQueryParam("since", equalTo("100"))
                .willReturn(okJson("""
                    {"regions":[{"version":101,"code":"330603","name":"柯桥区","level":"COUNTY","parentCode":"330600"}],
                     "population":[{"version":102,"regionCode":"330603","year":2024,"total":1100000,"female":540000,"youth":null},
                                   {"version":103,"regionCode":"330603","year":2025,"total":1110000,"female":null,"youth":null}],
                     "version":103,"more":false}""")));
        RegionReplicaTest.Feed.server.stubFor(get(urlPathEqualTo("/internal/v1/region-feed")).withQueryParam("since", equalTo("103"))
                .willReturn(okJson("""
                    {"regions":[],
                     "population":[{"version":104,"regionCode":"330603","year":2025,"total":null,"female":null,"youth":null}],
                     "version":104,"more":false}""")));

        replica.sync();
        assertThat(count("SELECT COUNT(*) FROM population WHERE region_code = '330603'")).isEqualTo(2);
        long before = dataVersion.current();

        replica.sync();
        assertThat(count("SELECT COUNT(*) FROM population WHERE region_code = '330603' AND year = 2025")).isZero();
        assertThat(count("SELECT total FROM population WHERE region_code = '330603' AND year = 2024")).isEqualTo(1_100_000);
        assertThat(replica.state().version()).isEqualTo(104);
        assertThat(dataVersion.current()).isGreaterThan(before);
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
