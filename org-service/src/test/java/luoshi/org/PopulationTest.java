package luoshi.org;

import static luoshi.testing.TestTokens.ADMIN;
import static io.restassured.RestAssured.given;
import static luoshi.org.RegionsTest.ensure;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import luoshi.testing.TestTokens;
import luoshi.testing.Workbooks;
import org.junit.jupiter.api.Test;

/** Population per region and year: single writes, the batch import and their rejections. */
@QuarkusTest
class PopulationTest {

    private static void keqiao() {
        RegionsTest.ensureShaoxing();
        ensure("330603", "柯桥区", "COUNTY", "330600");
    }

    @Test
    void setsAndReadsTheTotalAndTheFurtherBases() {
        keqiao();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"total\":527600}").put("/api/v1/regions/330603/population/2021")
                .then().statusCode(200).body("regionCode", is("330603")).body("year", is(2021)).body("total", is(527600))
                .body("female", nullValue());
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"total\":530000,\"female\":262000,\"youth\":98000}")
                .put("/api/v1/regions/330603/population/2021").then().statusCode(200).body("female", is(262000));
        given().auth().oauth2(ADMIN).get("/api/v1/regions/330603/population/2021").then().statusCode(200)
                .body("total", is(530000)).body("youth", is(98000));
    }

    @Test
    void refusesNegativeCountsBasesAboveTheTotalAndOddYears() {
        keqiao();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"total\":-1}").put("/api/v1/regions/330603/population/2022")
                .then().statusCode(400).body("violations.field", contains("total"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"total\":100,\"female\":101}").put("/api/v1/regions/330603/population/2022")
                .then().statusCode(400).body("violations.field", contains("female"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"total\":100}").put("/api/v1/regions/330603/population/1800")
                .then().statusCode(400).body("violations.field", contains("year"));
        given().auth().oauth2(ADMIN).get("/api/v1/regions/330603/population/2022").then().statusCode(404);
    }

    @Test
    void anUnknownRegionIs404() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"total\":1}").put("/api/v1/regions/330699/population/2022")
                .then().statusCode(404);
    }

    @Test
    void importsCsvRowsAllOrNothing() {
        keqiao();
        ensure("330603001", "柯桥街道", "TOWNSHIP", "330603");
        String good = "regionCode,year,total,female,youth\n330603,2023,1100000,540000,\n330603001,2023,92000,,20000\n";
        given().auth().oauth2(ADMIN).contentType("text/csv").body(good.getBytes(StandardCharsets.UTF_8)).post("/api/v1/regions/population/batch").then()
                .statusCode(200).body("rows", is(2));
        given().auth().oauth2(ADMIN).get("/api/v1/regions/330603001/population/2023").then().body("total", is(92000)).body("youth", is(20000))
                .body("female", nullValue());
        given().auth().oauth2(ADMIN).contentType("text/csv").body(good.getBytes(StandardCharsets.UTF_8)).post("/api/v1/regions/population/batch").then()
                .statusCode(200).body("unchanged", is(2));

        String bad = "regionCode,year,total\n330603,2024,1110000\n330603999,2024,5\n330603001,2024,x\n";
        given().auth().oauth2(ADMIN).contentType("text/csv").body(bad.getBytes(StandardCharsets.UTF_8)).post("/api/v1/regions/population/batch").then()
                .statusCode(400).body("violations.field", contains("[2].total"));
        String unknown = "regionCode,year,total\n330603,2024,1110000\n330603999,2024,5\n";
        given().auth().oauth2(ADMIN).contentType("text/csv").body(unknown.getBytes(StandardCharsets.UTF_8)).post("/api/v1/regions/population/batch").then()
                .statusCode(400).body("violations.field", contains("[1].regionCode"));
        given().auth().oauth2(ADMIN).get("/api/v1/regions/330603/population/2024").then().statusCode(404);
    }

    @Test
    void importsTheFilledInTemplateAllOrNothingNamingEachBadCell() {
        keqiao();
        ensure("330603002", "华舍街道", "TOWNSHIP", "330603");
        byte[] template = given().auth().oauth2(TestTokens.token("viewer", "330603")).accept(Workbooks.XLSX)
                .get("/api/v1/regions/population/batch/template").then().statusCode(200).contentType(Workbooks.XLSX)
                .extract().asByteArray();
        // the optional columns left empty in one row; a code as a number cell, as a spreadsheet keeps it
        byte[] good = Workbooks.filledIn(template, List.of(Workbooks.row("330603", 2026, 1120000, 550000, null),
                Workbooks.row(330603002L, "2026", "61000", null, 15000)));
        given().auth().oauth2(ADMIN).contentType(Workbooks.XLSX).body(good).post("/api/v1/regions/population/batch").then()
                .statusCode(200).body("rows", is(2)).body("created", is(2));
        given().auth().oauth2(ADMIN).get("/api/v1/regions/330603002/population/2026").then().body("total", is(61000))
                .body("youth", is(15000)).body("female", nullValue());

        byte[] bad = Workbooks.filledIn(template, List.of(Workbooks.row("330603", 2027, 1130000, null, null),
                Workbooks.row("330603002", 2027, 1.5, null, null), Workbooks.row("330603999", 2027, 5, null, null)));
        given().auth().oauth2(ADMIN).contentType(Workbooks.XLSX).body(bad).post("/api/v1/regions/population/batch").then()
                .statusCode(400).body("violations.field", contains("[1].total")).body("violations.cell", contains("population!C4"));
        given().auth().oauth2(ADMIN).contentType(Workbooks.XLSX).body(Workbooks.filledIn(template,
                        List.of(Workbooks.row("330603", 2027, 1130000, null, null), Workbooks.row("330603999", 2027, 5, null, null))))
                .post("/api/v1/regions/population/batch").then()
                .statusCode(400).body("violations.field", contains("[1].regionCode")).body("violations.cell", contains("population!A4"));
        given().auth().oauth2(ADMIN).get("/api/v1/regions/330603/population/2027").then().statusCode(404);
    }

    @Test
    void importsJsonRows() {
        keqiao();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("[{\"regionCode\":\"330603\",\"year\":2019,\"total\":1000},{\"regionCode\":\"330603\",\"year\":2019,\"total\":1001}]")
                .post("/api/v1/regions/population/batch").then().statusCode(400).body("violations.field", contains("[1].year"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("[{\"regionCode\":\"330603\",\"year\":2019,\"total\":1000},{\"regionCode\":\"330603\",\"year\":2020}]")
                .post("/api/v1/regions/population/batch").then().statusCode(400).body("violations.field", contains("[1].total"));
        given().auth().oauth2(ADMIN).get("/api/v1/regions/330603/population/2019").then().statusCode(404);
    }
}
