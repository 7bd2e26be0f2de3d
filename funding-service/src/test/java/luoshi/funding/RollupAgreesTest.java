package luoshi.funding;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import luoshi.api.region.RegionCode;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.testing.RegionsCsv;
import luoshi.testing.RollupAgreement;
import org.junit.jupiter.api.Test;

/**
 * The SQL rollup agrees with the per-region items (issue 16, point 3) for every funding rule type, over 绍兴市 (330600)
 * with the townships of 嵊州市 (330683, below which no other test of this module writes) and villages made for them, on
 * random facts (on the city and 嵊州市's subtree only; the other counties are evaluated as they are) at the rules'
 * boundaries: youth-league sums of 19,999.99 / 20,000.00 / 20,000.01 split over records,
 * women's-work funding around 1.00 × population (and no population), science funds of 0.01 or none, union fees with
 * nothing due, collected = due and due − 0.01, records of the fiscal years on both sides. Each seed's facts are about
 * its own year ({@link RollupAgreement#yearOf}), which no other test uses.
 */
@QuarkusTest
class RollupAgreesTest {

    static final String CITY = "330600";
    static final String COUNTY = "330683";

    @Inject
    ReplicaRows replica;

    @Inject
    Database db;

    @Test
    void theRollupAgreesWithTheItemsOfEveryRegion() {
        List<RegionsCsv.Row> regions = regions();
        String township = "330683100";   // 甘霖镇: villages of its own, and a stricter youth-league minimum
        RollupAgreement.parameters(FundingRequirementsTest.YOUTH, township, Map.of("minAmount", "25000.00"));
        RollupAgreement.run("funding", List.of(CITY, township), this::subtree, (random, year) -> facts(random, regions, year));
    }

    /** The city, its counties, 嵊州市's townships and villages for most of them, in the read copy. */
    List<RegionsCsv.Row> regions() {
        List<RegionsCsv.Row> rows = new ArrayList<>(RegionsCsv.rows(r -> r.code().equals(CITY)
                || CITY.equals(r.parentCode()) || COUNTY.equals(r.parentCode())));
        List<RegionsCsv.Row> townships = rows.stream().filter(r -> COUNTY.equals(r.parentCode())).toList();
        for (int i = 0; i < townships.size(); i++) {
            rows.addAll(RegionsCsv.villages(townships.get(i), new int[] {2, 0, 3, 0, 4}[i % 5]));
        }
        rows.forEach(r -> replica.region(r.code(), r.name()));
        return rows;
    }

    /** Every region the service's copy holds in the subtree (other tests' regions too: their items count alike). */
    List<String> subtree(String root) {
        return db.list(Sql.of("SELECT code FROM region WHERE code LIKE :pattern ORDER BY code")
                .bind("pattern", RegionCode.subtreePattern(root)), rs -> rs.getString(1));
    }

    private void facts(Random random, List<RegionsCsv.Row> regions, int year) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (RegionsCsv.Row r : regions) {
            if (r.level().equals("COUNTY") && !r.code().equals(COUNTY)) {
                // the other counties' funding records belong to other tests (SubtreeRollupTest takes any of 柯桥区's for its
                // own); their union fees of the seed's year touch no other test
                unionFees(random, r.code(), year);
                continue;
            }
            Long population = null;
            if (random.nextInt(5) > 0) {   // most regions have a population of the year, some none
                population = (long) (r.level().equals("VILLAGE") ? 500 + random.nextInt(3_000)
                        : r.level().equals("TOWNSHIP") ? 20_000 + random.nextInt(80_000) : 300_000 + random.nextInt(700_000));
                replica.population(r.code(), year, population);
            }
            if (random.nextBoolean()) {   // the neighbouring years' population must not be the one used
                replica.population(r.code(), year + (random.nextBoolean() ? 1 : -1), 1 + random.nextInt(1_000_000));
            }
            long youth = pick(random, 0, 1_999_999, 2_000_000, 2_000_001, 2_499_999, 2_500_000);
            split(random, youth).forEach(c -> records.add(record(r, "YOUTH_LEAGUE_WORK", year, c)));
            long women = population == null ? pick(random, 0, 1, 10_000_000) : population * 100 + pick(random, -1, 0, 1, -population * 50);
            split(random, women).forEach(c -> records.add(record(r, "WOMENS_WORK", year, c)));
            if (!r.level().equals("TOWNSHIP") && !r.level().equals("VILLAGE")) {
                long science = pick(random, 0, 0, 1, 2);
                split(random, science).forEach(c -> records.add(record(r, "SCIENCE_ASSOCIATION_SPECIAL", year, c)));
                unionFees(random, r.code(), year);
            }
            // the fiscal years on both sides: enough on their own, never counted for the year
            if (random.nextInt(3) == 0) {
                records.add(record(r, random.nextBoolean() ? "YOUTH_LEAGUE_WORK" : "SCIENCE_ASSOCIATION_SPECIAL",
                        year + (random.nextBoolean() ? 1 : -1), 2_500_000));
            }
        }
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(records).post("/api/v1/funding/batch").then().statusCode(200);
    }

    private static void unionFees(Random random, String region, int year) {
        long due = pick(random, 0, 1, 10_000, 120_000_000);
        long collected = switch (random.nextInt(4)) {
            case 0 -> due;
            case 1 -> Math.max(0, due - 1);
            case 2 -> due + 1;
            default -> -1;   // no union fees for the year: NO_DATA
        };
        if (collected >= 0) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("due", money(due), "collected", money(collected)))
                    .put("/api/v1/union-fees/" + region + "/" + year).then().statusCode(200);
        }
    }

    /** An amount in cents split over one to three records of positive amounts (none for 0). */
    private static List<Long> split(Random random, long cents) {
        List<Long> parts = new ArrayList<>();
        long left = cents;
        int n = (int) Math.min(left, 1 + random.nextInt(3));
        for (int i = 1; i < n; i++) {
            long part = 1 + (long) (random.nextDouble() * (left - (n - i)));
            parts.add(part);
            left -= part;
        }
        if (left > 0) {
            parts.add(left);
        }
        return parts;
    }

    private static Map<String, Object> record(RegionsCsv.Row r, String category, int year, long cents) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("regionCode", r.code());
        row.put("category", category);
        row.put("fiscalYear", year);
        row.put("amount", money(cents));
        row.put("documentRef", "嵊财〔" + year + "〕" + (cents % 97) + "号");
        return row;
    }

    private static long pick(Random random, long... values) {
        return values[random.nextInt(values.length)];
    }

    private static String money(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
