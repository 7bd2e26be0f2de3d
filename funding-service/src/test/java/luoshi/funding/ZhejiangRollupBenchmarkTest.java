package luoshi.funding;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import luoshi.api.compliance.ServiceRollup;
import luoshi.audit.DataVersion;
import luoshi.rules.engine.Compliance;
import luoshi.testing.RegionsCsv;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The measured figure of the README: funding-service's rollup of Zhejiang (330000: 1 province,
 * 11 cities, 90 counties, 1,387 townships from docs/data) over 20,000 funding records, beside one
 * hand-written SQL statement that gives the same counts. Tagged "benchmark": `verify` skips it;
 * run it alone (README, "Benchmark"). It fills the shared test schema, so never with the other tests.
 */
@QuarkusTest
@Tag("benchmark")
class ZhejiangRollupBenchmarkTest {

    static final int RECORDS = 20_000;
    static final int WARM_UP = 5;
    static final int RUNS = 20;
    static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

    /** The same counts, written by hand for the four seed requirements with their issuers' values. */
    static final String RAW_SQL = """
            SELECT x.child, x.req, x.status, COUNT(*) FROM (
              SELECT CONCAT(LEFT(g.code,4),'00') child, 'TOWNSHIP_YOUTH_LEAGUE_FUNDING' req,
                CASE WHEN g.level <> 'TOWNSHIP' OR g.code NOT LIKE '3306%' THEN 'NOT_APPLICABLE'
                     WHEN COALESCE(f.total, 0) >= 20000.00 THEN 'COMPLIANT' ELSE 'NON_COMPLIANT' END status
              FROM region g LEFT JOIN (SELECT region_code, SUM(amount) total FROM funding_record
                WHERE fiscal_year = 2025 AND category = 'YOUTH_LEAGUE_WORK' AND region_code LIKE '33%' GROUP BY region_code) f
                ON f.region_code = g.code WHERE g.code LIKE '33%'
              UNION ALL
              SELECT CONCAT(LEFT(g.code,4),'00'), 'WOMENS_WORK_PER_CAPITA_FUNDING',
                CASE WHEN g.level NOT IN ('CITY','COUNTY','TOWNSHIP') OR g.code NOT LIKE '3306%' THEN 'NOT_APPLICABLE'
                     WHEN p.region_code IS NULL THEN 'NO_DATA'
                     WHEN COALESCE(f.total, 0) >= 1.00 * p.total THEN 'COMPLIANT' ELSE 'NON_COMPLIANT' END
              FROM region g LEFT JOIN (SELECT region_code, SUM(amount) total FROM funding_record
                WHERE fiscal_year = 2025 AND category = 'WOMENS_WORK' AND region_code LIKE '33%' GROUP BY region_code) f
                ON f.region_code = g.code LEFT JOIN population p ON p.region_code = g.code AND p.year = 2025
              WHERE g.code LIKE '33%'
              UNION ALL
              SELECT CONCAT(LEFT(g.code,4),'00'), 'SCIENCE_ASSOCIATION_SPECIAL_FUND',
                CASE WHEN g.level NOT IN ('CITY','COUNTY') OR g.code NOT LIKE '3306%' THEN 'NOT_APPLICABLE'
                     WHEN COALESCE(f.total, 0) >= 0.01 THEN 'COMPLIANT' ELSE 'NON_COMPLIANT' END
              FROM region g LEFT JOIN (SELECT region_code, SUM(amount) total FROM funding_record
                WHERE fiscal_year = 2025 AND category = 'SCIENCE_ASSOCIATION_SPECIAL' AND region_code LIKE '33%' GROUP BY region_code) f
                ON f.region_code = g.code WHERE g.code LIKE '33%'
              UNION ALL
              SELECT CONCAT(LEFT(g.code,4),'00'), 'UNION_FEES_FULL_COLLECTION',
                CASE WHEN g.level NOT IN ('CITY','COUNTY') THEN 'NOT_APPLICABLE'
                     WHEN u.region_code IS NULL OR u.due = 0 THEN 'NO_DATA'
                     WHEN u.collected >= 1.00 * u.due THEN 'COMPLIANT' ELSE 'NON_COMPLIANT' END
              FROM region g LEFT JOIN union_fee u ON u.region_code = g.code AND u.year = 2025 WHERE g.code LIKE '33%'
            ) x GROUP BY x.child, x.req, x.status""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DataVersion dataVersion;

    @Inject
    Compliance compliance;

    @Test
    void zhejiangRollup() throws Exception {
        List<String[]> zhejiang = load();
        Random random = new Random(20151216);   // SHAOXING-2015's date: the same data every run
        double importMs = fund(zhejiang, random);

        Map<String, Long> raw = new HashMap<>();
        double rawMs = median(() -> {
            raw.clear();
            raw.putAll(runRaw());
            return raw;
        });
        // evaluated afresh every time (Cache-Control: no-cache), and the kept answer of an unchanged data version
        double serviceMs = median(() -> given().auth().oauth2(ADMIN).header("Cache-Control", "no-cache").queryParam("year", 2025)
                .queryParam("asOf", AS_OF.toString()).get("/internal/v1/compliance/regions/330000/rollup").then().statusCode(200)
                .extract().asString());
        double httpMs = median(() -> given().auth().oauth2(ADMIN).queryParam("year", 2025).queryParam("asOf", AS_OF.toString())
                .get("/internal/v1/compliance/regions/330000/rollup").then().statusCode(200).extract().asString());

        ServiceRollup rollup = compliance.rollup("330000", 2025, AS_OF);
        for (ServiceRollup.ChildCounts child : rollup.children()) {
            long fromRaw = raw.entrySet().stream().filter(e -> e.getKey().startsWith(child.regionCode() + " "))
                    .mapToLong(Map.Entry::getValue).sum();
            long counted = Arrays.stream(luoshi.api.compliance.ComplianceStatus.values()).mapToLong(s -> child.counts().get(s)).sum();
            assertThat(counted).as(child.regionCode()).isEqualTo(fromRaw);
            assertThat(child.counts().compliant()).isEqualTo(raw.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(child.regionCode() + " ") && e.getKey().endsWith(" COMPLIANT"))
                    .mapToLong(Map.Entry::getValue).sum());
        }
        String report = String.format("""
                Zhejiang 330000: %d regions (%d townships), %d funding records, %d runs after %d warm-up
                  service rollup over HTTP, evaluated (GET /internal/v1/compliance/regions/330000/rollup, no-cache): median %.1f ms
                  service rollup over HTTP, the kept answer of the same data version: median %.1f ms
                  one hand-written SQL statement giving the same counts: median %.1f ms
                  POST /api/v1/funding/batch of 10,000 rows (validated, one transaction, JDBC batches): mean %.0f ms
                  counts: %s
                """, zhejiang.size(), zhejiang.stream().filter(r -> "TOWNSHIP".equals(r[2])).count(), RECORDS, RUNS, WARM_UP,
                serviceMs, httpMs, rawMs, importMs, rollup.counts());
        System.out.println(report);
        Files.writeString(Path.of("target", "zhejiang-rollup-benchmark.txt"), report);
    }

    /** Zhejiang's province, cities, counties and townships from docs/data into the read copy, with population. */
    List<String[]> load() throws IOException, SQLException {
        Path csv = RegionsCsv.file();
        List<String[]> rows = Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1)
                .map(l -> l.split(",", -1)).filter(r -> r[0].startsWith("33")).toList();
        try (Connection c = dataSource.getConnection()) {
            for (String[] r : rows) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO region (code, name, level, parent_code, version)"
                        + " VALUES (?, ?, ?, ?, 1) ON DUPLICATE KEY UPDATE name = VALUES(name)")) {
                    ps.setString(1, r[0]);
                    ps.setString(2, r[1]);
                    ps.setString(3, r[2]);
                    ps.setString(4, r[3].isEmpty() ? null : r[3]);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO population (region_code, year, total, version)"
                        + " VALUES (?, 2025, ?, 1) ON DUPLICATE KEY UPDATE total = VALUES(total)")) {
                    ps.setString(1, r[0]);
                    ps.setLong(2, "TOWNSHIP".equals(r[2]) ? 40_000 : 500_000);
                    ps.executeUpdate();
                }
            }
            dataVersion.advance();   // as the feed's pages do
        }
        return rows;
    }

    /** 20,000 records over the townships, cities and counties, through the batch endpoint; union fees per unit. */
    double fund(List<String[]> regions, Random random) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long nanos = 0;
        String[] categories = {"YOUTH_LEAGUE_WORK", "WOMENS_WORK", "SCIENCE_ASSOCIATION_SPECIAL", "UNION_WORK"};
        for (int batch = 0; batch < RECORDS / 10_000; batch++) {
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                String[] region = regions.get(1 + random.nextInt(regions.size() - 1));
                String amount = (1000 + random.nextInt(15_000)) + "." + String.format("%02d", random.nextInt(100));
                rows.add(FundingRecordsTest.json(region[0], categories[random.nextInt(categories.length)], 2025,
                        "\"" + amount + "\"", null));
            }
            String body = "[" + String.join(",", rows) + "]";
            long start = System.nanoTime();   // a plain HTTP client: RestAssured's own handling of 1.5 MB would dominate
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                    + "/api/v1/funding/batch")).header("Content-Type", "application/json").header("Authorization", "Bearer " + ADMIN)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            nanos += System.nanoTime() - start;
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
        regions.stream().filter(r -> "CITY".equals(r[2]) || "COUNTY".equals(r[2])).forEach(r ->
                Api.unionFees(r[0], 2025, "100000.00", random.nextBoolean() ? "100000.00" : "99000.00"));
        return nanos / 1_000_000.0 / (RECORDS / 10_000);
    }

    Map<String, Long> runRaw() {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(RAW_SQL);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3), rs.getLong(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    static double median(Supplier<?> run) {
        for (int i = 0; i < WARM_UP; i++) {
            run.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            run.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[RUNS / 2] / 1_000_000.0;
    }
}
