package luoshi.org;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import luoshi.api.region.RegionCode;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.testing.RegionsCsv;
import luoshi.testing.RollupAgreement;
import org.junit.jupiter.api.Test;

/**
 * The SQL rollup agrees with the per-region items (issue 16, point 3) for every leadership rule type, over 越城区
 * (330602) with all its townships from docs/data and villages made for some of them, on random organisations and
 * leaders at the rules' boundaries: HEAD / DEPUTY / MEMBER of every employment, frontline or not, tenures ending
 * 06-30, 12-30 or 12-31 or starting 01-01 or 07-01 around the year, open-ended ones, missing organisation types,
 * villages with and without organisations. The facts go only to the townships no other test of this module uses
 * (越城区's 009 and above); each seed's tenures are about its own year ({@link RollupAgreement#yearOf}).
 */
@QuarkusTest
class RollupAgreesTest {

    static final String COUNTY = "330602";
    static final List<String> MAIN_TYPES = List.of("UNION", "YOUTH_LEAGUE", "WOMENS_FEDERATION");
    static final List<String> EMPLOYMENTS = List.of("FULL_TIME", "PART_TIME", "SECONDED");
    /** 越城区's townships other tests of this module write to. */
    static final Set<String> OTHERS = Set.of("330602001", "330602002", "330602003", "330602004", "330602005", "330602006",
            "330602007", "330602008");

    @Inject
    Database db;

    /** Whether leaders have the field partyCommitteeMember (REQUIREMENTS.md, second wave): sent only once they do. */
    Boolean partyCommitteeMember;

    @Test
    void theRollupAgreesWithTheItemsOfEveryRegion() {
        List<RegionsCsv.Row> regions = regions();
        String township = "330602011";   // 鉴湖街道: villages of its own, and stricter shares
        RollupAgreement.parameters("FRONTLINE_SHARE", COUNTY, Map.of("minShare", "0.5"));
        if (RollupAgreement.hasRequirement("ORGANIZATION_COVERAGE")) {
            // on the county, not on 330600, so that no other test's township of 绍兴 changes verdict
            RollupAgreement.parameters("ORGANIZATION_COVERAGE", COUNTY, Map.of("minShare", "0.5"));
            RollupAgreement.parameters("ORGANIZATION_COVERAGE", township, Map.of("minShare", "0.75"));
        }
        RollupAgreement.run("org", List.of(COUNTY, township), this::subtree, (random, year) -> facts(random, regions, year));
    }

    /** 越城区 and its townships through the regions API, with villages below the townships this test writes to. */
    List<RegionsCsv.Row> regions() {
        List<RegionsCsv.Row> rows = new ArrayList<>(RegionsCsv.rows(r -> r.code().equals("330000") || r.code().equals("330600")
                || r.code().equals(COUNTY) || COUNTY.equals(r.parentCode())));
        List<RegionsCsv.Row> townships = rows.stream().filter(r -> COUNTY.equals(r.parentCode()) && !OTHERS.contains(r.code()))
                .toList();
        for (int i = 0; i < townships.size(); i++) {
            rows.addAll(RegionsCsv.villages(townships.get(i), new int[] {2, 0, 3, 0, 4}[i % 5]));
        }
        List<Map<String, Object>> batch = new ArrayList<>();
        for (RegionsCsv.Row r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", r.code());
            row.put("name", r.name());
            row.put("level", r.level());
            row.put("parentCode", r.parentCode());
            batch.add(row);
        }
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(batch).post("/api/v1/regions/batch").then().statusCode(200);
        return rows.stream().filter(r -> RegionCode.contains(COUNTY, r.code()) && !OTHERS.contains(r.code())).toList();
    }

    /** Every region the service holds in the subtree (other tests' too: their items count alike). */
    List<String> subtree(String root) {
        return db.list(Sql.of("SELECT code FROM region WHERE code LIKE :pattern ORDER BY code")
                .bind("pattern", RegionCode.subtreePattern(root)), rs -> rs.getString(1));
    }

    private void facts(Random random, List<RegionsCsv.Row> regions, int year) {
        for (RegionsCsv.Row r : regions) {
            if (random.nextInt(5) > 0) {   // most regions have a population of the year, some none
                given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("total", 500 + random.nextInt(90_000)))
                        .put("/api/v1/regions/" + r.code() + "/population/" + year).then().statusCode(200);
            }
            switch (r.level()) {
                case "COUNTY" -> MAIN_TYPES.forEach(type -> {
                    // tenures inside the year only, so that each seed's share is its own: none in office on a date is NO_DATA
                    long org = organization(r, type, year);
                    for (int i = random.nextInt(3); i > 0; i--) {
                        countyLeader(random, org, year);
                    }
                });
                case "TOWNSHIP" -> township(random, r, year);
                default -> {   // a village: some organisations of some types, or none
                    for (String type : MAIN_TYPES) {
                        if (random.nextInt(3) == 0) {
                            organization(r, type, year);
                        }
                    }
                }
            }
        }
    }

    /**
     * Half the townships are meant to comply (each main type led by a FULL_TIME head, or by a PART_TIME head of the
     * party committee with a FULL_TIME deputy), with tenures that may end before the evaluation date; the others get
     * random leaders; now and then a type is missing, or another type is there.
     */
    private void township(Random random, RegionsCsv.Row r, int year) {
        boolean meant = random.nextBoolean();
        for (String type : MAIN_TYPES) {
            if (random.nextInt(8) == 0) {
                continue;
            }
            long org = organization(r, type, year);
            if (meant) {
                boolean refinement = partyCommitteeMember == Boolean.TRUE && type.equals("UNION") && random.nextBoolean();
                leader(random, org, "HEAD", refinement ? "PART_TIME" : "FULL_TIME", year, refinement);
                if (refinement) {
                    leader(random, org, "DEPUTY", pick(random, "FULL_TIME", "FULL_TIME", "PART_TIME"), year, false);
                }
            } else {
                for (int i = random.nextInt(4); i > 0; i--) {
                    leader(random, org, pick(random, "HEAD", "HEAD", "DEPUTY", "MEMBER"), pick(random, EMPLOYMENTS), year,
                            random.nextBoolean());
                }
            }
        }
        if (random.nextInt(4) == 0) {
            organization(r, "RED_CROSS", year);
        }
    }

    private static long organization(RegionsCsv.Row r, String type, int year) {
        String name = r.name() + switch (type) {
            case "UNION" -> "总工会";
            case "YOUTH_LEAGUE" -> "团委";
            case "WOMENS_FEDERATION" -> "妇联";
            default -> "红十字会";
        } + "（" + year + "）";
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("regionCode", r.code(), "type", type, "name", name)).post("/api/v1/organizations").then()
                .statusCode(201).extract().<Number>path("id").longValue();
    }

    /** A leader whose tenure starts or ends around the year's boundaries, or is open-ended. */
    private void leader(Random random, long org, String role, String employment, int year, boolean partyMember) {
        LocalDate from = pick(random, LocalDate.of(year - 1, 1, 1), LocalDate.of(year, 1, 1), LocalDate.of(year, 7, 1));
        LocalDate to = pick(random, null, null, LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 6, 30),
                LocalDate.of(year, 12, 30), LocalDate.of(year, 12, 31));
        if (to != null && to.isBefore(from)) {
            to = null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", pick(random, "陈刚", "刘洋", "周敏", "王伟", "李娜", "赵敏", "孙丽", "吴军"));
        body.put("role", role);
        body.put("employment", employment);
        body.put("frontline", random.nextBoolean());
        body.put("from", from.toString());
        body.put("to", to == null ? null : to.toString());
        if (partyCommitteeMember == Boolean.TRUE) {
            body.put("partyCommitteeMember", partyMember || random.nextInt(4) == 0);
        }
        Response created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .post("/api/v1/organizations/" + org + "/leaders");
        created.then().statusCode(201);
        if (partyCommitteeMember == null) {
            partyCommitteeMember = created.jsonPath().getMap("$").containsKey("partyCommitteeMember");
        }
    }

    private static void countyLeader(Random random, long org, int year) {
        LocalDate from = pick(random, LocalDate.of(year, 1, 1), LocalDate.of(year, 7, 1));
        LocalDate to = pick(random, LocalDate.of(year, 6, 30), LocalDate.of(year, 12, 30), LocalDate.of(year, 12, 31));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", pick(random, "钱明", "冯雪", "蒋涛"));
        body.put("role", pick(random, "HEAD", "DEPUTY", "MEMBER"));
        body.put("employment", pick(random, EMPLOYMENTS));
        body.put("frontline", random.nextInt(3) == 0);
        body.put("from", from.toString());
        body.put("to", (to.isBefore(from) ? LocalDate.of(year, 12, 31) : to).toString());
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/organizations/" + org + "/leaders")
                .then().statusCode(201);
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
