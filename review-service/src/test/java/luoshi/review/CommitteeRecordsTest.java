package luoshi.review;

import static luoshi.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Committee terms, meetings and documents (API.md, "Committee terms, meetings, documents"). */
@QuarkusTest
@RegionsInCopy({"320000", "330602", "330603", "330604", "330621", "330624", "330681", "330682"})
class CommitteeRecordsTest extends WithRegionsInCopy {

    private static String term(String region, String start, String end) {
        return "{\"regionCode\":\"" + region + "\",\"start\":\"" + start + "\",\"end\":\"" + end + "\"}";
    }

    @Test
    void aTermIsStoredAndListedForItsRegion() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(term("330602", "2021-10-01", "2026-09-30"))
                .post("/api/v1/committee-terms").then().statusCode(201)
                .body("id", notNullValue()).body("regionCode", is("330602")).body("end", is("2026-09-30"));
        given().auth().oauth2(ADMIN).get("/api/v1/committee-terms?regionCode=330602").then().statusCode(200)
                .body("total", is(1)).body("items[0].start", is("2021-10-01"));
    }

    @Test
    void anEndNotAfterTheStartIsA400NamingEnd() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(term("330603", "2021-10-01", "2021-10-01"))
                .post("/api/v1/committee-terms").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("end"));
        given().auth().oauth2(ADMIN).get("/api/v1/committee-terms?regionCode=330603").then().body("total", is(0));
    }

    @Test
    void anOverlappingTermOfTheSameRegionIsA409AndAnAdjacentOneIsNot() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(term("330604", "2016-10-01", "2021-09-30"))
                .post("/api/v1/committee-terms").then().statusCode(201);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(term("330604", "2021-09-30", "2026-09-29"))
                .post("/api/v1/committee-terms").then().statusCode(409).body("status", is(409));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(term("330604", "2021-10-01", "2026-09-30"))
                .post("/api/v1/committee-terms").then().statusCode(201);
        // another region may have the very same dates
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(term("330621", "2016-10-01", "2021-09-30"))
                .post("/api/v1/committee-terms").then().statusCode(201);
        given().auth().oauth2(ADMIN).get("/api/v1/committee-terms?regionCode=330604").then().body("total", is(2));
    }

    @Test
    void ofConcurrentOverlappingTermsExactlyOneIsStored() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String start = "2021-0" + (i + 1) + "-01";
                posts.add(() -> given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(term("330624", start, "2026-09-30"))
                        .post("/api/v1/committee-terms").then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(posts)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdown();
        }
        given().auth().oauth2(ADMIN).get("/api/v1/committee-terms?regionCode=330624").then().body("total", is(1));
    }

    @Test
    void concurrentTermsOfNeighbouringRegionsAreAllStored() throws Exception {
        // adjacent codes share index gaps: a locking range read for one region used to deadlock with another's insert
        List<String> regions = List.of("410102", "410103", "410104", "410105", "410106", "410108", "410122", "410171",
                "410172", "410173", "410181", "410182", "410183", "410184", "410185", "410202", "410203", "410204", "410205",
                "410212", "410221", "410222", "410223", "410225", "410302", "410303", "410304", "410305", "410307", "410308",
                "410311", "410323", "410324", "410325", "410326", "410327", "410328", "410329", "410371", "410402");
        sql.putInCopy(regions);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (String region : regions) {
                posts.add(() -> given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(term(region, "2019-07-01", "2024-06-30"))
                        .post("/api/v1/committee-terms").then().extract().statusCode());
                posts.add(() -> given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(term(region, "2024-07-01", "2029-06-30"))
                        .post("/api/v1/committee-terms").then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(posts)) {
                statuses.add(f.get());
            }
            assertThat(statuses).hasSize(80).containsOnly(201);
        } finally {
            pool.shutdown();
        }
        for (String region : List.of("410102", "410225", "410402")) {
            given().auth().oauth2(ADMIN).get("/api/v1/committee-terms?regionCode=" + region).then().body("total", is(2))
                    .body("items.start", contains("2019-07-01", "2024-07-01"));
        }
    }

    @Test
    void aMeetingWithChineseTextRoundTripsAndCanBeDeleted() {
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"330681\",\"type\":\"STANDING_COMMITTEE_STUDY\",\"date\":\"2025-03-10\","
                        + "\"title\":\"市委常委会专题研究群团工作\",\"documentRef\":\"绍市委常〔2025〕3号\"}")
                .post("/api/v1/meetings").then().statusCode(201)
                .body("documentRef", is("绍市委常〔2025〕3号")).body("title", is("市委常委会专题研究群团工作"))
                .extract().path("id");
        given().auth().oauth2(ADMIN).get("/api/v1/meetings?regionCode=330681&year=2025").then().statusCode(200)
                .body("total", is(1)).body("items[0].id", is(id)).body("items[0].type", is("STANDING_COMMITTEE_STUDY"));
        given().auth().oauth2(ADMIN).get("/api/v1/meetings?regionCode=330681&year=2024").then().body("total", is(0));
        given().auth().oauth2(ADMIN).get("/api/v1/meetings?regionCode=330681&type=JOINT_MEETING").then().body("total", is(0));
        given().auth().oauth2(ADMIN).delete("/api/v1/meetings/" + id).then().statusCode(204);
        given().auth().oauth2(ADMIN).delete("/api/v1/meetings/" + id).then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/api/v1/meetings?regionCode=330681").then().body("total", is(0));
    }

    @Test
    void aDateThatDoesNotExistIsA400NamingDate() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"330682\",\"type\":\"REPORT_HEARING\",\"date\":\"2025-02-30\",\"title\":\"听取汇报\"}")
                .post("/api/v1/meetings").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("date"));
        given().auth().oauth2(ADMIN).get("/api/v1/meetings?regionCode=330682").then().body("total", is(0));
    }

    @Test
    void anUnknownMeetingTypeOrABadRegionCodeIsA400NamingTheField() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"330682\",\"type\":\"PICNIC\",\"date\":\"2025-02-03\",\"title\":\"x\"}")
                .post("/api/v1/meetings").then().statusCode(400).body("violations.field", contains("type"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"33068\",\"type\":\"JOINT_MEETING\",\"date\":\"2025-02-03\",\"title\":\"x\"}")
                .post("/api/v1/meetings").then().statusCode(400).body("violations.field", hasItem("regionCode"));
    }

    @Test
    void anImplementationPlanIsStoredAndListed() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"320000\",\"type\":\"IMPLEMENTATION_PLAN\",\"date\":\"2015-11-20\","
                        + "\"title\":\"关于加强和改进党的群团工作的实施意见\",\"documentRef\":\"苏发〔2015〕30号\"}")
                .post("/api/v1/documents").then().statusCode(201).body("type", is("IMPLEMENTATION_PLAN"));
        given().auth().oauth2(ADMIN).get("/api/v1/documents?regionCode=320000&type=IMPLEMENTATION_PLAN").then().statusCode(200)
                .body("total", is(1)).body("items[0].documentRef", is("苏发〔2015〕30号"))
                .body("items[0].date", is("2015-11-20"));
    }
}
