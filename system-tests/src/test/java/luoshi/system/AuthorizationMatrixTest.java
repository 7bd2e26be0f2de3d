package luoshi.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API.md "Security", walked over every endpoint of the public contract through the gateway, with the
 * four real services behind it: each call × {no token, tampered, expired, viewer, assessor, operator, admin} ×
 * {a caller whose region contains the target (绍兴 330600), one whose region does not (杭州 330100)}.
 * Each answer's status is checked, and every refusal must leave the audit trail exactly as it was:
 * since every write records an event in its own transaction, an unchanged trail means nothing was
 * written. An allowed write must add to it.
 */
class AuthorizationMatrixTest {

    static final String INSIDE = "330600";
    static final String OUTSIDE = "330100";
    static final String COUNTY = "330602";
    static final String TOWNSHIP = "330602001";
    static final AtomicInteger SEQ = new AtomicInteger(100);
    /** The years of union fees set for a deletion to remove, one per call. */
    static final AtomicInteger UNION_FEE_YEAR = new AtomicInteger(2030);
    /** The years of population a deletion removes, one per call. */
    static final AtomicInteger POPULATION_YEAR = new AtomicInteger(1960);
    /** The years of the matrix requirement's waivers and versions, one per call, after every other test's. */
    static final AtomicInteger YEAR = new AtomicInteger(2300);
    /** A requirement issued by 越城区 for the matrix: its versions, owners and waivers change no other test's verdict. */
    static final String REQUIREMENT = "MATRIX_TOWNSHIP_FUNDING";
    /** The years of the matrix requirement's rectifications, one per rectification (its items of 2026–2100 are waived). */
    static final AtomicInteger RECTIFICATION_YEAR = new AtomicInteger(2030);
    /** The rectification each status's rows act on, until one of them moves it on. */
    static final java.util.Map<String, String> RECTIFICATIONS = new java.util.HashMap<>();
    static boolean rectificationWaiver;

    /** The roles of API.md, "Security": the ladder viewer < operator < admin, and the assessor beside the operator. */
    enum Role {
        viewer, assessor, operator, admin;

        /** Whether a token of this role may do what {@code required} may: every role reads, admin does everything. */
        boolean includes(Role required) {
            return this == required || this == admin || required == viewer;
        }
    }

    /** How the caller's region matters: the target must lie in it; any caller may; a list is narrowed to it. */
    enum Scope { REGION, ANY, NARROWED }

    /** An operation of the document ({@code method} and {@code template}), called on {@code path}. */
    record Endpoint(String method, String template, Supplier<String> path, Role required, Scope scope, boolean write,
            Supplier<String> body) {
        @Override
        public String toString() {
            return method + " " + template;
        }

        String operation() {
            return method + " " + template;
        }
    }

    static LuoshiSystem system;
    static String organization;
    static String leader;
    static String webhook;
    static String fundingRecord;

    @BeforeAll
    static void regions() {
        system = LuoshiSystem.get();
        call(TestTokens.token("operator", "000000"), "POST", "/api/v1/regions/batch", """
                [{"code":"330000","name":"浙江省","level":"PROVINCE","parentCode":null},
                 {"code":"330100","name":"杭州市","level":"CITY","parentCode":"330000"},
                 {"code":"330600","name":"绍兴市","level":"CITY","parentCode":"330000"},
                 {"code":"330602","name":"越城区","level":"COUNTY","parentCode":"330600"},
                 {"code":"330602001","name":"塔山街道","level":"TOWNSHIP","parentCode":"330602"}]""").then().statusCode(200);
        Poll.until("funding- and review-service know 塔山街道", Duration.ofSeconds(30), () -> call(TestTokens.ADMIN, "GET",
                "/api/v1/compliance/" + TOWNSHIP + "?year=2025", null).jsonPath().getList("incomplete").isEmpty());
        organization = created("/api/v1/organizations", """
                {"regionCode":"330602001","type":"UNION","name":"塔山街道总工会"}""");
        leader = created("/api/v1/organizations/" + organization + "/leaders", leader());
        fundingRecord = created("/api/v1/funding", funding());
        call(TestTokens.ADMIN, "PUT", "/api/v1/regions/330602/population/2024", "{\"total\":527600}").then().statusCode(200);
        call(TestTokens.ADMIN, "PUT", "/api/v1/union-fees/330602/2024", "{\"due\":\"1000.00\",\"collected\":\"900.00\"}")
                .then().statusCode(200);
        call(TestTokens.ADMIN, "POST", "/api/v1/requirements", "{\"id\":\"" + REQUIREMENT + "\",\"title\":\"Matrix funding\","
                + "\"titleZh\":\"矩阵经费\",\"source\":\"MATRIX\",\"issuerRegionCode\":\"330602\",\"levels\":[\"TOWNSHIP\"],"
                + "\"period\":\"YEAR\",\"rule\":{\"type\":\"FUNDING_MIN_AMOUNT\",\"category\":\"OTHER\",\"minAmount\":\"1.00\"}}")
                .then().statusCode(201);
        webhook = created("/api/v1/webhooks", """
                {"url":"http://127.0.0.1:9/hook","regionCode":"330602"}""");
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        // Regions and population — org-service
        all.add(write("PUT", "/api/v1/regions/{code}", () -> "/api/v1/regions/" + COUNTY + SEQ.incrementAndGet(), Role.operator,
                () -> "{\"name\":\"矩阵街道\",\"level\":\"TOWNSHIP\",\"parentCode\":\"330602\"}"));
        all.add(write("POST", "/api/v1/regions/batch", () -> "/api/v1/regions/batch", Role.operator, () -> "[{\"code\":\"" + COUNTY
                + SEQ.incrementAndGet() + "\",\"name\":\"矩阵街道\",\"level\":\"TOWNSHIP\",\"parentCode\":\"330602\"}]"));
        all.add(read("/api/v1/regions/{code}", () -> "/api/v1/regions/" + COUNTY, Role.viewer, Scope.REGION));
        all.add(read("/api/v1/regions/{code}/children", () -> "/api/v1/regions/" + COUNTY + "/children", Role.viewer, Scope.REGION));
        all.add(write("PUT", "/api/v1/regions/{code}/population/{year}", () -> "/api/v1/regions/" + COUNTY + "/population/2024",
                Role.operator, () -> "{\"total\":" + (500_000 + SEQ.incrementAndGet()) + "}"));
        all.add(read("/api/v1/regions/{code}/population/{year}", () -> "/api/v1/regions/" + COUNTY + "/population/2024", Role.viewer,
                Scope.REGION));
        all.add(write("DELETE", "/api/v1/regions/{code}/population/{year}",
                () -> "/api/v1/regions/" + COUNTY + "/population/" + populationOfAYear(), Role.operator, null));
        all.add(write("POST", "/api/v1/regions/population/batch", () -> "/api/v1/regions/population/batch", Role.operator,
                () -> "[{\"regionCode\":\"330602\",\"year\":2023,\"total\":" + (500_000 + SEQ.incrementAndGet()) + "}]"));
        all.add(read("/api/v1/regions/population/batch/template", () -> "/api/v1/regions/population/batch/template",
                Role.viewer, Scope.ANY));
        // Organisations and leaders — org-service
        all.add(write("POST", "/api/v1/organizations", () -> "/api/v1/organizations", Role.operator,
                AuthorizationMatrixTest::organisation));
        all.add(write("POST", "/api/v1/organizations/batch", () -> "/api/v1/organizations/batch", Role.operator,
                () -> "[{\"regionCode\":\"330602001\",\"type\":\"RED_CROSS\",\"name\":\"红十字会" + SEQ.incrementAndGet()
                        + "\",\"leaders\":[{\"name\":\"赵\",\"role\":\"HEAD\",\"employment\":\"FULL_TIME\","
                        + "\"frontline\":false,\"from\":\"2024-01-01\"}]}]"));
        all.add(read("/api/v1/organizations", () -> "/api/v1/organizations?regionCode=" + TOWNSHIP, Role.viewer, Scope.REGION));
        all.add(read("/api/v1/organizations/{id}", () -> "/api/v1/organizations/" + organization, Role.viewer, Scope.REGION));
        all.add(write("PATCH", "/api/v1/organizations/{id}", () -> "/api/v1/organizations/" + organization, Role.operator,
                () -> "{\"name\":\"塔山街道总工会" + SEQ.incrementAndGet() + "\"}"));
        all.add(write("DELETE", "/api/v1/organizations/{id}",
                () -> "/api/v1/organizations/" + created("/api/v1/organizations", organisation()), Role.operator, null));
        all.add(write("POST", "/api/v1/organizations/{id}/leaders", () -> "/api/v1/organizations/" + organization + "/leaders",
                Role.operator, AuthorizationMatrixTest::leader));
        all.add(read("/api/v1/organizations/{id}/leaders", () -> "/api/v1/organizations/" + organization + "/leaders", Role.viewer,
                Scope.REGION));
        all.add(write("PATCH", "/api/v1/organizations/{id}/leaders/{leaderId}",
                () -> "/api/v1/organizations/" + organization + "/leaders/" + leader, Role.operator,
                () -> "{\"name\":\"王" + SEQ.incrementAndGet() + "\"}"));
        all.add(write("DELETE", "/api/v1/organizations/{id}/leaders/{leaderId}", () -> "/api/v1/organizations/" + organization
                + "/leaders/" + created("/api/v1/organizations/" + organization + "/leaders", leader()), Role.operator, null));
        // Committee terms, meetings, documents — review-service
        all.add(write("POST", "/api/v1/committee-terms", () -> "/api/v1/committee-terms", Role.operator,
                AuthorizationMatrixTest::term));
        all.add(write("POST", "/api/v1/committee-terms/batch", () -> "/api/v1/committee-terms/batch", Role.operator,
                () -> "[" + term() + "]"));
        all.add(read("/api/v1/committee-terms", () -> "/api/v1/committee-terms?regionCode=" + COUNTY, Role.viewer, Scope.REGION));
        all.add(write("POST", "/api/v1/meetings", () -> "/api/v1/meetings", Role.operator, AuthorizationMatrixTest::meeting));
        all.add(write("POST", "/api/v1/meetings/batch", () -> "/api/v1/meetings/batch", Role.operator, () -> "[" + meeting() + "]"));
        all.add(read("/api/v1/meetings/batch/template", () -> "/api/v1/meetings/batch/template", Role.viewer, Scope.ANY));
        all.add(read("/api/v1/meetings", () -> "/api/v1/meetings?regionCode=" + COUNTY + "&year=2025", Role.viewer, Scope.REGION));
        all.add(write("DELETE", "/api/v1/meetings/{id}", () -> "/api/v1/meetings/" + created("/api/v1/meetings", meeting()),
                Role.operator, null));
        all.add(write("POST", "/api/v1/documents", () -> "/api/v1/documents", Role.operator, AuthorizationMatrixTest::document));
        all.add(write("POST", "/api/v1/documents/batch", () -> "/api/v1/documents/batch", Role.operator,
                () -> "[" + document() + "]"));
        all.add(read("/api/v1/documents", () -> "/api/v1/documents?regionCode=" + COUNTY, Role.viewer, Scope.REGION));
        // Corrections (API.md, "Corrections") — review-service: each authorised like the write it corrects
        all.add(write("PUT", "/api/v1/committee-terms/{id}",
                () -> "/api/v1/committee-terms/" + created("/api/v1/committee-terms", term()), Role.operator,
                AuthorizationMatrixTest::term));
        all.add(write("DELETE", "/api/v1/committee-terms/{id}",
                () -> "/api/v1/committee-terms/" + created("/api/v1/committee-terms", term()), Role.operator, null));
        all.add(write("PUT", "/api/v1/meetings/{id}", () -> "/api/v1/meetings/" + created("/api/v1/meetings", meeting()),
                Role.operator, AuthorizationMatrixTest::meeting));
        all.add(read("/api/v1/documents/{id}", () -> "/api/v1/documents/" + created("/api/v1/documents", document()), Role.viewer,
                Scope.REGION));
        all.add(write("PUT", "/api/v1/documents/{id}", () -> "/api/v1/documents/" + created("/api/v1/documents", document()),
                Role.operator, AuthorizationMatrixTest::document));
        all.add(write("DELETE", "/api/v1/documents/{id}", () -> "/api/v1/documents/" + created("/api/v1/documents", document()),
                Role.operator, null));
        // Satisfaction assessments (third wave) — review-service: an assessor's or an admin's, never an operator's
        all.add(write("POST", "/api/v1/assessments", () -> "/api/v1/assessments", Role.assessor,
                AuthorizationMatrixTest::assessment));
        all.add(read("/api/v1/assessments", () -> "/api/v1/assessments?regionCode=" + COUNTY + "&year=2025", Role.viewer,
                Scope.REGION));
        all.add(read("/api/v1/assessments/{id}", () -> "/api/v1/assessments/" + created("/api/v1/assessments", assessment()),
                Role.viewer, Scope.REGION));
        all.add(write("PUT", "/api/v1/assessments/{id}", () -> "/api/v1/assessments/" + created("/api/v1/assessments",
                assessment()), Role.assessor, AuthorizationMatrixTest::assessment));
        all.add(write("DELETE", "/api/v1/assessments/{id}", () -> "/api/v1/assessments/" + created("/api/v1/assessments",
                assessment()), Role.assessor, null));
        // Funding — funding-service
        all.add(write("POST", "/api/v1/funding", () -> "/api/v1/funding", Role.operator, AuthorizationMatrixTest::funding));
        all.add(write("POST", "/api/v1/funding/batch", () -> "/api/v1/funding/batch", Role.operator, () -> "[" + funding() + "]"));
        all.add(read("/api/v1/funding/batch/template", () -> "/api/v1/funding/batch/template", Role.viewer, Scope.ANY));
        all.add(read("/api/v1/funding", () -> "/api/v1/funding?regionCode=" + TOWNSHIP, Role.viewer, Scope.REGION));
        all.add(write("DELETE", "/api/v1/funding/{id}", () -> "/api/v1/funding/" + created("/api/v1/funding", funding()),
                Role.operator, null));
        all.add(read("/api/v1/funding/{id}", () -> "/api/v1/funding/" + fundingRecord, Role.viewer, Scope.REGION));
        all.add(write("PUT", "/api/v1/funding/{id}", () -> "/api/v1/funding/" + fundingRecord, Role.operator,
                AuthorizationMatrixTest::funding));
        // the third wave: funding records are corrected field by field too
        all.add(write("PATCH", "/api/v1/funding/{id}", () -> "/api/v1/funding/" + fundingRecord, Role.operator,
                () -> "{\"amount\":\"" + SEQ.incrementAndGet() + ".00\"}"));
        all.add(write("DELETE", "/api/v1/union-fees/{regionCode}/{year}", () -> "/api/v1/union-fees/330602/" + unionFeesOfAYear(),
                Role.operator, null));
        all.add(write("PUT", "/api/v1/union-fees/{regionCode}/{year}", () -> "/api/v1/union-fees/330602/2024", Role.operator,
                () -> "{\"due\":\"1000.00\",\"collected\":\"" + SEQ.incrementAndGet() + ".00\"}"));
        all.add(read("/api/v1/union-fees/{regionCode}/{year}", () -> "/api/v1/union-fees/330602/2024", Role.viewer, Scope.REGION));
        all.add(write("POST", "/api/v1/union-fees/batch", () -> "/api/v1/union-fees/batch", Role.operator,
                () -> "[{\"regionCode\":\"330602\",\"year\":2023,\"due\":\"1000.00\",\"collected\":\"" + SEQ.incrementAndGet()
                        + ".00\"}]"));
        all.add(read("/api/v1/union-fees/batch/template", () -> "/api/v1/union-fees/batch/template", Role.viewer, Scope.ANY));
        // Requirements catalog — all three; its versions, owners and waivers (issue #17)
        all.add(read("/api/v1/requirements", () -> "/api/v1/requirements", Role.viewer, Scope.ANY));
        all.add(write("POST", "/api/v1/requirements", () -> "/api/v1/requirements", Role.admin, () -> "{\"id\":\"MATRIX_"
                + SEQ.incrementAndGet() + "\",\"title\":\"t\",\"titleZh\":\"t\",\"source\":\"MATRIX\",\"issuerRegionCode\":\"330602\","
                + "\"levels\":[\"TOWNSHIP\"],\"period\":\"YEAR\",\"rule\":{\"type\":\"FUNDING_MIN_AMOUNT\",\"category\":\"OTHER\","
                + "\"minAmount\":\"1.00\"}}"));
        all.add(write("PUT", "/api/v1/requirements/{id}/parameters/{regionCode}",
                () -> "/api/v1/requirements/TOWNSHIP_YOUTH_LEAGUE_FUNDING/parameters/330602", Role.admin,
                () -> "{\"minAmount\":\"" + (25_000 + SEQ.incrementAndGet()) + ".00\"}"));
        all.add(read("/api/v1/requirements/{id}", () -> "/api/v1/requirements/" + REQUIREMENT, Role.viewer, Scope.ANY));
        all.add(write("PUT", "/api/v1/requirements/{id}", () -> "/api/v1/requirements/" + REQUIREMENT, Role.admin,
                () -> "{\"effectiveFrom\":\"" + YEAR.incrementAndGet() + "-01-01\"}"));
        all.add(read("/api/v1/requirements/{id}/owners", () -> "/api/v1/requirements/" + REQUIREMENT + "/owners?regionCode=" + COUNTY,
                Role.viewer, Scope.REGION));
        all.add(write("PUT", "/api/v1/requirements/{id}/owners/{regionCode}",
                () -> "/api/v1/requirements/" + REQUIREMENT + "/owners/" + COUNTY, Role.admin,
                () -> "{\"unit\":\"共青团越城区委" + SEQ.incrementAndGet() + "\",\"contact\":\"0575-85123456\"}"));
        all.add(read("/api/v1/waivers", () -> "/api/v1/waivers?regionCode=" + COUNTY, Role.viewer, Scope.REGION));
        all.add(write("POST", "/api/v1/waivers", () -> "/api/v1/waivers", Role.admin, AuthorizationMatrixTest::waiver));
        all.add(write("DELETE", "/api/v1/waivers/{id}", () -> "/api/v1/waivers/" + created("/api/v1/waivers", waiver()), Role.admin,
                null));
        // the third wave: the rule types the services declare, public like the catalog
        all.add(read("/api/v1/rule-types", () -> "/api/v1/rule-types", Role.viewer, Scope.ANY));
        // Compliance — the gateway
        all.add(read("/api/v1/compliance/{regionCode}", () -> "/api/v1/compliance/" + COUNTY + "?year=2025&asOf=2026-01-15",
                Role.viewer, Scope.REGION));
        all.add(read("/api/v1/compliance/{regionCode}/rollup",
                () -> "/api/v1/compliance/" + COUNTY + "/rollup?year=2025&asOf=2026-01-15", Role.viewer, Scope.REGION));
        all.add(read("/api/v1/compliance/{regionCode}/items",
                () -> "/api/v1/compliance/" + COUNTY + "/items?year=2025&asOf=2026-01-15&size=5", Role.viewer, Scope.REGION));
        // the report of a region and year (issue #28): XLSX for any Accept (the matrix sends */*)
        all.add(read("/api/v1/compliance/{regionCode}/report",
                () -> "/api/v1/compliance/" + COUNTY + "/report?year=2025&asOf=2026-01-15", Role.viewer, Scope.REGION));
        all.add(read("/api/v1/evaluation/{regionCode}", () -> "/api/v1/evaluation/" + COUNTY + "?year=2025&asOf=2026-01-15",
                Role.viewer, Scope.REGION));
        // Trends and the snapshot job (issue #27) — review-service; a past year's trend takes no snapshot on demand
        all.add(read("/api/v1/compliance/{regionCode}/trend", () -> "/api/v1/compliance/" + COUNTY + "/trend?year=2025",
                Role.viewer, Scope.REGION));
        all.add(write("POST", "/api/v1/snapshots/run", () -> "/api/v1/snapshots/run?asOf=2026-01-15&regionCode=" + COUNTY,
                Role.admin, null));
        // Reminders and webhooks — review-service
        all.add(write("POST", "/api/v1/reminders/run", () -> "/api/v1/reminders/run?asOf=2026-01-15&regionCode=" + COUNTY,
                Role.admin, null));
        all.add(read("/api/v1/reminders", () -> "/api/v1/reminders?regionCode=" + COUNTY, Role.viewer, Scope.REGION));
        all.add(write("POST", "/api/v1/webhooks", () -> "/api/v1/webhooks", Role.admin,
                () -> "{\"url\":\"http://127.0.0.1:9/hook" + SEQ.incrementAndGet() + "\",\"regionCode\":\"330602\"}"));
        all.add(read("/api/v1/webhooks", () -> "/api/v1/webhooks", Role.admin, Scope.NARROWED));
        all.add(write("DELETE", "/api/v1/webhooks/{id}", () -> "/api/v1/webhooks/" + created("/api/v1/webhooks",
                "{\"url\":\"http://127.0.0.1:9/gone\",\"regionCode\":\"330602\"}"), Role.admin, null));
        all.add(read("/api/v1/webhooks/{id}/deliveries", () -> "/api/v1/webhooks/" + webhook + "/deliveries", Role.admin,
                Scope.REGION));
        // Rectification (issue #26) — review-service: opened by an operator above the region, submitted by one of the
        // region, verified and rejected by an admin strictly above; each allowed call takes a rectification of its own
        all.add(write("POST", "/api/v1/rectifications", () -> "/api/v1/rectifications", Role.operator,
                () -> rectification(RECTIFICATION_YEAR.incrementAndGet())));
        all.add(read("/api/v1/rectifications", () -> "/api/v1/rectifications?regionCode=" + COUNTY, Role.viewer, Scope.REGION));
        all.add(read("/api/v1/rectifications/{id}", () -> "/api/v1/rectifications/" + rectificationIn("OPEN"), Role.viewer,
                Scope.REGION));
        all.add(write("POST", "/api/v1/rectifications/{id}/submit",
                () -> "/api/v1/rectifications/" + rectificationIn("OPEN") + "/submit", Role.operator,
                () -> "{\"note\":\"已补足经费\",\"documentRef\":\"越财〔2026〕" + SEQ.incrementAndGet() + "号\"}"));
        all.add(write("POST", "/api/v1/rectifications/{id}/verify",
                () -> "/api/v1/rectifications/" + rectificationIn("SUBMITTED") + "/verify", Role.admin,
                () -> "{\"note\":\"经核验\"}"));
        all.add(write("POST", "/api/v1/rectifications/{id}/reject",
                () -> "/api/v1/rectifications/" + rectificationIn("SUBMITTED") + "/reject", Role.admin,
                () -> "{\"note\":\"请补充材料\"}"));
        // Audit — the gateway over the three
        all.add(read("/api/v1/audit", () -> "/api/v1/audit?regionCode=" + COUNTY, Role.admin, Scope.REGION));
        return all;
    }

    /**
     * The matrix is the document: every operation of the gateway's OpenAPI document has its row (a new endpoint without
     * one fails here, by name), and every row is an operation of the document (the contract's third-wave operations
     * included, so that one the services do not serve yet is named too).
     */
    @Test
    void theMatrixHasARowForEveryOperationOfTheDocument() {
        Set<String> rows = endpoints().stream().map(Endpoint::operation).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = PublicApi.operations().stream().map(Object::toString)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(rows);
        Set<String> undocumented = new TreeSet<>(rows);
        undocumented.removeAll(documented);
        assertThat(missing).as("operations of the gateway's document with no row in the authorization matrix").isEmpty();
        assertThat(undocumented).as("rows of the matrix (API.md's operations) that the gateway's document lacks").isEmpty();
    }

    @Test
    void everyEndpointChecksTheTokenTheRoleAndTheRegion() {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Endpoint e : endpoints()) {
            for (String region : List.of(INSIDE, OUTSIDE)) {
                calls += check(e, "no token", null, 401, wrong);
                calls += check(e, "tampered " + region, TestTokens.tampered("admin", region), 401, wrong);
                calls += check(e, "expired " + region, TestTokens.expired("admin", region), 401, wrong);
                for (Role role : Role.values()) {
                    boolean placed = region.equals(INSIDE) || e.scope() != Scope.REGION;
                    int expected = role.includes(e.required()) && placed ? 200 : 403;
                    calls += check(e, role + " " + region, TestTokens.token(role.name(), region), expected, wrong);
                }
            }
        }
        assertThat(wrong).as("answers that break API.md's Security rules").isEmpty();
        assertThat(calls).isEqualTo(endpoints().size() * 2 * (3 + Role.values().length));
    }

    /** One call; {@code expected} 200 means any success. Refusals must leave the audit trail as it was. */
    private static int check(Endpoint e, String caller, String token, int expected, List<String> wrong) {
        String path = e.path().get();
        if (!path.replaceFirst("\\?.*", "").matches(e.template().replaceAll("\\{[^}]+}", "[^/]+"))) {
            wrong.add(e + ": called on " + path + ", which is not this operation");
        }
        String body = e.body() == null ? null : e.body().get();
        long before = PublicApi.auditTotal();
        int status = call(token, e.method(), path, body).statusCode();
        long after = PublicApi.auditTotal();
        boolean ok = expected == 200 ? status >= 200 && status < 300 : status == expected;
        if (!ok) {
            wrong.add(e + " as " + caller + ": " + status + ", expected " + (expected == 200 ? "2xx" : expected));
        } else if (expected != 200 && after != before) {
            wrong.add(e + " as " + caller + ": refused, but the audit trail grew from " + before + " to " + after);
        } else if (expected == 200 && e.write() && after <= before) {
            wrong.add(e + " as " + caller + ": written, but not in the audit trail");
        }
        return 1;
    }

    private static Response call(String token, String method, String path, String body) {
        RequestSpecification spec = given().baseUri(system.gateway().toString()).contentType("application/json");
        if (token != null) {
            spec.auth().oauth2(token);
        }
        if (body != null) {
            spec.body(body);
        }
        return spec.request(method, path);
    }

    private static String created(String path, String body) {
        return call(TestTokens.ADMIN, "POST", path, body).then().statusCode(201).extract().path("id").toString();
    }

    /** Union fees of 越城区 for a year of their own, set by an admin: what a deletion removes. */
    private static int unionFeesOfAYear() {
        int year = UNION_FEE_YEAR.incrementAndGet();
        call(TestTokens.ADMIN, "PUT", "/api/v1/union-fees/330602/" + year, "{\"due\":\"1.00\",\"collected\":\"1.00\"}")
                .then().statusCode(200);
        return year;
    }

    private static String meeting() {
        return "{\"regionCode\":\"330602\",\"type\":\"JOINT_MEETING\",\"date\":\"2025-05-06\",\"title\":\"联席会议\","
                + "\"documentRef\":\"越委〔2025〕" + SEQ.incrementAndGet() + "号\"}";
    }

    /** A term of its own year, so that no two overlap. */
    private static String term() {
        int year = 2100 + SEQ.incrementAndGet();
        return "{\"regionCode\":\"330602\",\"start\":\"" + year + "-01-01\",\"end\":\"" + year + "-12-31\"}";
    }

    /** An assessment of its own number of respondents, so that a correction with it changes the assessment. */
    private static String assessment() {
        return "{\"regionCode\":\"330602001\",\"year\":2025,\"assessor\":\"浙江省统计局民意调查中心\",\"method\":\"SURVEY\","
                + "\"respondents\":" + (1000 + SEQ.incrementAndGet()) + ",\"satisfied\":800,\"subject\":\"MASSES\"}";
    }

    private static String document() {
        return "{\"regionCode\":\"330602\",\"type\":\"IMPLEMENTATION_PLAN\",\"date\":\"2025-02-01\",\"title\":\"实施方案\","
                + "\"documentRef\":\"越委〔2025〕" + SEQ.incrementAndGet() + "号\"}";
    }

    /** A record of its own amount, so that a correction with it changes the record (one that changes nothing records nothing). */
    private static String funding() {
        return "{\"regionCode\":\"330602001\",\"category\":\"OTHER\",\"fiscalYear\":2024,\"amount\":\""
                + SEQ.incrementAndGet() + ".00\"}";
    }

    private static String organisation() {
        return "{\"regionCode\":\"330602001\",\"type\":\"RED_CROSS\",\"name\":\"红十字会" + SEQ.incrementAndGet() + "\"}";
    }

    private static String leader() {
        return "{\"name\":\"王" + SEQ.incrementAndGet() + "\",\"role\":\"MEMBER\",\"employment\":\"PART_TIME\","
                + "\"frontline\":false,\"from\":\"2024-01-01\",\"to\":null}";
    }

    /** A waiver of 塔山街道's matrix requirement for a year of its own, so that no two overlap. */
    private static String waiver() {
        int year = YEAR.incrementAndGet();
        return "{\"requirementId\":\"" + REQUIREMENT + "\",\"regionCode\":\"" + TOWNSHIP + "\",\"from\":\"" + year
                + "-01-01\",\"to\":\"" + year + "-12-31\",\"reason\":\"矩阵测试\"}";
    }

    /**
     * A rectification of 塔山街道's matrix requirement for a year of its own (one open rectification per item). The
     * matrix waives the requirement there from 2026 to 2100 (once), so that its items of those years are waived and a
     * verification passes: the engine is asked, and says so.
     */
    private static String rectification(int year) {
        if (!rectificationWaiver) {
            call(TestTokens.ADMIN, "POST", "/api/v1/waivers", "{\"requirementId\":\"" + REQUIREMENT + "\",\"regionCode\":\""
                    + TOWNSHIP + "\",\"from\":\"2026-01-01\",\"to\":\"2100-12-31\",\"reason\":\"矩阵测试：整改核验\"}")
                    .then().statusCode(201);
            rectificationWaiver = true;
        }
        return "{\"requirementId\":\"" + REQUIREMENT + "\",\"regionCode\":\"" + TOWNSHIP + "\",\"periodStart\":\"" + year
                + "-01-01\",\"dueDate\":\"2100-12-31\",\"description\":\"矩阵整改\"}";
    }

    /**
     * A rectification in {@code status} (OPEN or SUBMITTED), kept until a call moves it on: the refused calls of a row
     * find the same one, and the next allowed call gets a new one.
     */
    private static String rectificationIn(String status) {
        String id = RECTIFICATIONS.get(status);
        if (id == null || !status.equals(call(TestTokens.ADMIN, "GET", "/api/v1/rectifications/" + id, null).jsonPath()
                .getString("status"))) {
            id = created("/api/v1/rectifications", rectification(RECTIFICATION_YEAR.incrementAndGet()));
            if (status.equals("SUBMITTED")) {
                call(TestTokens.ADMIN, "POST", "/api/v1/rectifications/" + id + "/submit",
                        "{\"note\":\"已整改\",\"documentRef\":\"矩阵\"}").then().statusCode(200);
            }
            RECTIFICATIONS.put(status, id);
        }
        return id;
    }

    /** The population of 越城区 for a year of its own, set by an admin: what a deletion removes. */
    private static int populationOfAYear() {
        int year = POPULATION_YEAR.incrementAndGet();
        call(TestTokens.ADMIN, "PUT", "/api/v1/regions/330602/population/" + year, "{\"total\":1000}").then().statusCode(200);
        return year;
    }

    private static Endpoint write(String method, String template, Supplier<String> path, Role required, Supplier<String> body) {
        return new Endpoint(method, template, path, required, Scope.REGION, true, body);
    }

    private static Endpoint read(String template, Supplier<String> path, Role required, Scope scope) {
        return new Endpoint("GET", template, path, required, scope, false, null);
    }
}
