package luoshi.review;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
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
 * The SQL rollup agrees with the per-region items (issue 16, point 3) for every rule type of review-service (meetings,
 * documents, satisfaction assessments), over
 * 浙江省 (330000) with 绍兴市, its counties, 嵊州市's townships and villages made for some of them, on random facts at
 * the rules' boundaries: meetings of each type dated 12-31 of the year before, 01-01, 06-30, 07-01 and 12-31 of the
 * year and 01-01 after; committee terms for some regions (none for others; overlapping the year or not; two in one
 * year); an implementation plan dated before or after the evaluation dates; satisfaction assessments of both subjects
 * at the shares' boundaries. Each seed's facts are about its own year
 * ({@link RollupAgreement#yearOf}); the test deletes them and takes its regions out of the copy again, so that no other
 * test's reminder run meets them.
 */
@QuarkusTest
class RollupAgreesTest {

    static final String PROVINCE = "330000";
    static final String COUNTY = "330683";
    static final List<String> MEETING_TYPES = List.of("STANDING_COMMITTEE_STUDY", "REPORT_HEARING", "MASS_ORG_WORK_CONFERENCE",
            "JOINT_MEETING");

    @Inject
    DirectSql sql;

    @Inject
    Database db;

    /** What the test wrote, deleted again at its end: {@code /api/v1/meetings/1}, … */
    final List<String> written = new ArrayList<>();

    @Test
    void theRollupAgreesWithTheItemsOfEveryRegion() throws SQLException {
        List<RegionsCsv.Row> regions = new ArrayList<>(RegionsCsv.rows(r -> r.code().equals(PROVINCE) || r.code().equals("330600")
                || "330600".equals(r.parentCode()) || COUNTY.equals(r.parentCode())));
        List<RegionsCsv.Row> townships = regions.stream().filter(r -> COUNTY.equals(r.parentCode())).toList();
        for (int i = 0; i < townships.size(); i++) {
            regions.addAll(RegionsCsv.villages(townships.get(i), new int[] {2, 0, 3, 0, 4}[i % 5]));
        }
        List<String> added = sql.putInCopy(regions.stream().map(RegionsCsv.Row::code).toList());
        try {
            // a county may require more report hearings than the issuer's one a year (REQUIREMENTS.md, Jurisdiction parameters)
            RollupAgreement.parameters("REGULAR_REPORT_HEARING", COUNTY, Map.of("min", 2));
            // the seeds set no share of satisfied people: 绍兴市 sets one for its subtree, 嵊州市 a stricter one
            RollupAgreement.parameters("MASS_SATISFACTION", "330600", Map.of("minShare", "0.75"));
            RollupAgreement.parameters("MASS_SATISFACTION", COUNTY, Map.of("minShare", "0.8"));
            RollupAgreement.parameters("SUBORDINATE_SATISFACTION", COUNTY, Map.of("minShare", "0.5"));
            // the evaluation's weights (issue #27): from the seeds' first year on, a joint meeting weighs 3 in PROGRESS
            if (given().auth().oauth2(ADMIN).get("/api/v1/requirements/JOINT_MEETING").then().statusCode(200).extract()
                    .jsonPath().getList("versions").size() == 1) {
                given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"effectiveFrom\":\""
                        + RollupAgreement.yearOf(1) + "-01-01\",\"weight\":3,\"dimension\":\"PROGRESS\"}")
                        .put("/api/v1/requirements/JOINT_MEETING").then().statusCode(200);
            }
            RollupAgreement.run("review", List.of(PROVINCE, "330683100"), this::subtree, (random, year) -> {
                deleteWritten();   // the implementation plan counts in every later year: each seed has its own facts
                facts(random, regions, year);
            });
        } finally {
            deleteWritten();
            // 绍兴市's shares would make other tests' satisfaction items in its subtree applicable
            sql.execute("DELETE FROM requirement_parameter WHERE requirement_id IN ('MASS_SATISFACTION', 'SUBORDINATE_SATISFACTION')");
            sql.takeOutOfCopy(added);
        }
    }

    /** Every region the copy holds in the subtree (other tests' too: their items count alike). */
    List<String> subtree(String root) {
        return db.list(Sql.of("SELECT code FROM region WHERE code LIKE :pattern ORDER BY code")
                .bind("pattern", RegionCode.subtreePattern(root)), rs -> rs.getString(1));
    }

    private void facts(Random random, List<RegionsCsv.Row> regions, int year) {
        List<LocalDate> days = List.of(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30),
                LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31), LocalDate.of(year + 1, 1, 1));
        // a generator of their own (from the seed's year), so that the meetings', terms' and plan's draws stay as they were
        Random satisfaction = new Random(year);
        for (RegionsCsv.Row r : regions) {
            assessments(satisfaction, r, year);
            boolean committee = !r.level().equals("TOWNSHIP") && !r.level().equals("VILLAGE");
            if (!committee && random.nextInt(4) > 0) {
                continue;   // a few meetings below the counties, where no requirement applies
            }
            for (String type : MEETING_TYPES) {
                for (int i = random.nextInt(committee ? 4 : 2); i > 0; i--) {
                    LocalDate date = days.get(random.nextInt(days.size()));
                    post("/api/v1/meetings", Map.of("regionCode", r.code(), "type", type, "date", date.toString(),
                            "title", r.name() + type + "会议", "documentRef", r.name() + "〔" + date.getYear() + "〕" + (i + 1) + "号"));
                }
            }
            if (committee) {
                terms(random, r.code(), year);
            }
        }
        // CENTRAL-2015 closing: the province's plan, before or after the evaluation dates, or none
        LocalDate plan = List.of(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 1, 1), LocalDate.of(year, 9, 1),
                LocalDate.of(year + 2, 1, 1)).get(random.nextInt(4));
        post("/api/v1/documents", Map.of("regionCode", PROVINCE, "type", "IMPLEMENTATION_PLAN", "date", plan.toString(),
                "title", "中共浙江省委关于加强和改进党的群团工作的实施意见", "documentRef", "浙委〔" + plan.getYear() + "〕1号"));
    }

    /**
     * None, one or two satisfaction assessments of each subject (SATISFACTION_RATE), mostly of the year, some of the years
     * around it; satisfied at the shares' boundaries (0.5, 0.75, 0.8 of the respondents, and one person either side).
     */
    private void assessments(Random random, RegionsCsv.Row r, int year) {
        for (String subject : List.of("MASSES", "SUBORDINATE_ORGS")) {
            for (int i = random.nextInt(3); i > 0; i--) {
                int respondents = List.of(1, 4, 10, 1000).get(random.nextInt(4));
                int share = List.of(50, 75, 80, 100).get(random.nextInt(4));
                int satisfied = Math.max(0, Math.min(respondents, respondents * share / 100 + random.nextInt(3) - 1));
                int of = random.nextInt(5) == 0 ? year + random.nextInt(3) * 2 - 2 : year;
                post("/api/v1/assessments", Map.of("regionCode", r.code(), "year", of, "assessor", "浙江省统计局民意调查中心",
                        "method", "SURVEY", "respondents", respondents, "satisfied", satisfied, "subject", subject));
            }
        }
    }

    /** None, one or two terms of a region, never overlapping each other nor another seed's (three years apart). */
    private void terms(Random random, String region, int year) {
        Term a = new Term(LocalDate.of(year - 1, 1, 1), LocalDate.of(year - 1, 12, 31));   // the year before only
        Term b = new Term(LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30));
        Term c = new Term(LocalDate.of(year, 7, 1), LocalDate.of(year + 1, 6, 30));
        Term d = new Term(LocalDate.of(year - 1, 7, 1), LocalDate.of(year + 1, 6, 30));
        List<List<Term>> choices = List.of(List.of(), List.of(a), List.of(d), List.of(b, c), List.of(a, b), List.of(c),
                List.of(a, c));
        for (Term term : choices.get(random.nextInt(choices.size()))) {
            post("/api/v1/committee-terms", Map.of("regionCode", region, "start", term.start().toString(), "end",
                    term.end().toString()));
        }
    }

    record Term(LocalDate start, LocalDate end) {
    }

    private void post(String path, Map<String, Object> body) {
        Object id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(new LinkedHashMap<>(body)).post(path).then()
                .statusCode(201).extract().path("id");
        written.add(path + "/" + id);
    }

    private void deleteWritten() {
        for (String path : written) {
            given().auth().oauth2(ADMIN).delete(path).then().statusCode(204);
        }
        written.clear();
    }
}
