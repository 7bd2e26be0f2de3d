package luoshi.system;

import static luoshi.system.PublicApi.as;
import static luoshi.system.PublicApi.item;
import static luoshi.system.PublicApi.region;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Catalog versions, waivers and owners (issue 17; API.md, "Catalog versions, waivers, owners"), through the gateway's
 * public API only.
 *
 * <p>Where it writes, so that no other system test's verdict changes:
 * <ul>
 *   <li>versions: TOWNSHIP_YOUTH_LEAGUE_FUNDING raised to 30,000.00 from 2027 (no other test evaluates 2027), read in
 *       townships of 诸暨市 (330681), where no test sets a parameter;</li>
 *   <li>waivers: 塔山街道 (330602001) for 2024 and 2026 (ShaoxingEndToEndTest asserts its 2025 verdicts and the city's
 *       2025 counts), every waiver revoked at the end;</li>
 *   <li>owners: set on 绍兴市 and on townships of 诸暨市; an owner changes no verdict and no count.</li>
 * </ul>
 * It runs after the unannotated classes: AuthorizationMatrixTest sets a parameter of TOWNSHIP_YOUTH_LEAGUE_FUNDING on
 * 越城区 for every period, which the 30,000.00 of 2027 would make laxer than the version in force (a 400) if it came
 * after; and before ReadYourWritesTest, which adds townships to the city.
 */
@Order(Integer.MAX_VALUE - 2)
class CatalogVersionsWaiversOwnersTest {

    static final String FUNDING = "TOWNSHIP_YOUTH_LEAGUE_FUNDING";
    static final String CITY = "330600";
    static final String COUNTY = "330602";
    static final String TASHAN = "330602001";
    static final String CHENGNAN = "330602005";
    static final String ZHUJI = "330681";
    static final String REASON = "2024年受台风灾害影响，经费调剂用于灾后重建";

    @BeforeAll
    static void start() {
        LuoshiSystem.get();
        // the real codes and names of docs/data, so that ShaoxingEndToEndTest's import finds them as they are
        region("330000", "浙江省", "PROVINCE", null);
        region(CITY, "绍兴市", "CITY", "330000");
        region(COUNTY, "越城区", "COUNTY", CITY);
        region(TASHAN, "塔山街道", "TOWNSHIP", COUNTY);
        region(CHENGNAN, "城南街道", "TOWNSHIP", COUNTY);
        region(ZHUJI, "诸暨市", "COUNTY", CITY);
        region("330681001", "暨阳街道", "TOWNSHIP", ZHUJI);
        region("330681002", "浣东街道", "TOWNSHIP", ZHUJI);
        region("330681003", "陶朱街道", "TOWNSHIP", ZHUJI);
        region("330681004", "暨南街道", "TOWNSHIP", ZHUJI);
    }

    static RequestSpecification api() {
        return as(TestTokens.ADMIN);
    }

    static String admin(String region) {
        return TestTokens.token("admin", region);
    }

    /**
     * Shaoxing raises 2万元 to 3万元 from 2027: the 2026 period is still judged by version 1, the 2027 one by version 2
     * (a period is judged by the version in force on its due date).
     */
    @Test
    void aNewVersionJudgesThePeriodsDueFromItsDateAndNoneBefore() {
        // the seeds are version 1, weight 1, with the dimensions of REQUIREMENTS.md
        JsonPath plan = api().get("/api/v1/requirements/IMPLEMENTATION_PLAN").then().statusCode(200).extract().jsonPath();
        assertThat(plan.getString("dimension")).isEqualTo("PROGRESS");
        assertThat(new BigDecimal(plan.getString("weight"))).isEqualByComparingTo("1");
        assertThat(plan.getInt("version")).isEqualTo(1);
        assertThat(api().get("/api/v1/requirements/ANNUAL_COMMITTEE_STUDY").then().statusCode(200).extract()
                .<String>path("dimension")).isEqualTo("COMMON");
        JsonPath catalog = api().get("/api/v1/requirements").then().statusCode(200).extract().jsonPath();
        assertThat(catalog.getString("items.find { it.id == '" + FUNDING + "' }.dimension")).isEqualTo("SPECIFIC");
        assertThat(new BigDecimal(catalog.getString("items.find { it.id == '" + FUNDING + "' }.weight"))).isEqualByComparingTo("1");

        // only an admin of the issuer (绍兴市) changes its requirement; a county's admin is refused, nothing stored
        String raise = "{\"effectiveFrom\":\"2027-01-01\",\"rule\":{\"minAmount\":\"30000.00\"}}";
        as(admin(ZHUJI)).body(raise).put("/api/v1/requirements/" + FUNDING).then().statusCode(403);
        assertThat(api().get("/api/v1/requirements/" + FUNDING).then().statusCode(200).extract().jsonPath()
                .getList("versions")).hasSize(1);

        JsonPath changed = as(admin(CITY)).body(raise).put("/api/v1/requirements/" + FUNDING).then().statusCode(200)
                .extract().jsonPath();
        assertVersions(changed);

        // 暨阳街道 has no youth league funding: 2026 expects 20000.00 (version 1), 2027 expects 30000.00 (version 2)
        Map<String, Object> y2026 = item("330681001", 2026, "2028-01-10", FUNDING);
        assertThat(y2026).containsEntry("status", "NON_COMPLIANT").containsEntry("expected", "20000.00")
                .containsEntry("requirementVersion", 1);
        Map<String, Object> y2027 = item("330681001", 2027, "2028-01-10", FUNDING);
        assertThat(y2027).containsEntry("status", "NON_COMPLIANT").containsEntry("expected", "30000.00")
                .containsEntry("requirementVersion", 2);
        assertVersions(api().get("/api/v1/requirements/" + FUNDING).then().statusCode(200).extract().jsonPath());

        // a county may not ask less than the city's version in force: 400 naming the 30000.00, nothing stored
        String lax = as(admin(ZHUJI)).body(Map.of("minAmount", "25000.00", "effectiveFrom", "2027-01-01"))
                .put("/api/v1/requirements/" + FUNDING + "/parameters/" + ZHUJI).then().statusCode(400)
                .contentType("application/problem+json").extract().asString();
        assertThat(lax).contains("30000.00");
        assertThat(item("330681002", 2027, "2028-01-10", FUNDING)).containsEntry("expected", "30000.00");

        // a version must start after the latest one's start
        as(admin(CITY)).body(Map.of("effectiveFrom", "2027-01-01", "weight", 2)).put("/api/v1/requirements/" + FUNDING).then()
                .statusCode(409).contentType("application/problem+json");
        assertVersions(api().get("/api/v1/requirements/" + FUNDING).then().statusCode(200).extract().jsonPath());
    }

    /** Version 1 until 2026-12-31, version 2 from 2027-01-01: 30000.00, the rest kept from version 1. */
    private static void assertVersions(JsonPath requirement) {
        assertThat(requirement.getString("id")).isEqualTo(FUNDING);
        assertThat(requirement.getList("versions.version", Integer.class)).containsExactly(1, 2);
        assertThat(requirement.getString("versions[0].effectiveFrom")).isNull();
        assertThat(requirement.getString("versions[0].effectiveTo")).isEqualTo("2026-12-31");
        assertThat(requirement.getString("versions[0].rule.minAmount")).isEqualTo("20000.00");
        assertThat(requirement.getString("versions[1].effectiveFrom")).isEqualTo("2027-01-01");
        assertThat(requirement.getString("versions[1].effectiveTo")).isNull();
        assertThat(requirement.getString("versions[1].rule.minAmount")).isEqualTo("30000.00");
        assertThat(requirement.getString("versions[1].rule.type")).isEqualTo("FUNDING_MIN_AMOUNT");
        assertThat(requirement.getString("versions[1].rule.category")).isEqualTo("YOUTH_LEAGUE_WORK");
        assertThat(requirement.getString("versions[1].dimension")).isEqualTo("SPECIFIC");
        assertThat(new BigDecimal(requirement.getString("versions[1].weight"))).isEqualByComparingTo("1");
    }

    /**
     * 越城区 (330602) waives 塔山街道's youth league funding for 2024, a year it funded with less than 20,000.00: the item
     * is NOT_APPLICABLE with the waiver and the city's rollup counts it as waived, until the waiver is revoked. The
     * township cannot waive itself, and a waiver that ends before the due date does not cover the period.
     */
    @Test
    void aWaiverFromTheCountyMakesTheTownshipsItemNotApplicableUntilItIsRevoked() {
        String asOf = "2026-03-01";
        api().body(Map.of("regionCode", TASHAN, "category", "YOUTH_LEAGUE_WORK", "fiscalYear", 2024, "amount", "15000.00",
                "documentRef", "越财〔2024〕8号")).post("/api/v1/funding").then().statusCode(201);
        Map<String, Object> before = item(TASHAN, 2024, asOf, FUNDING);
        assertThat(before).containsEntry("status", "NON_COMPLIANT").containsEntry("actual", "15000.00");
        assertThat(before.get("waiver")).isNull();
        JsonPath rollupBefore = rollup(CITY, 2024, asOf);
        List<String> waiversBefore = waiverIds(TASHAN);

        // a region never waives itself: 403, nothing stored
        Map<String, Object> waiver = waiver(TASHAN, "2024-01-01", "2024-12-31");
        as(admin(TASHAN)).body(waiver).post("/api/v1/waivers").then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(waiverIds(TASHAN)).isEqualTo(waiversBefore);
        assertThat(item(TASHAN, 2024, asOf, FUNDING)).containsEntry("status", "NON_COMPLIANT");

        Response granted = as(admin(COUNTY)).body(waiver).post("/api/v1/waivers");
        granted.then().statusCode(201);
        String id = granted.path("id");
        assertThat(id).isNotBlank();
        assertThat(granted.header("Location")).endsWith("/api/v1/waivers/" + id);
        assertThat(granted.<String>path("approvedBy")).isEqualTo("admin@" + COUNTY);
        assertThat(granted.<String>path("approvedByRegion")).isEqualTo(COUNTY);
        assertThat(granted.<String>path("reason")).isEqualTo(REASON);
        assertThat(granted.<Object>path("revokedAt")).isNull();
        assertThat(waiverIds(TASHAN)).contains(id).hasSize(waiversBefore.size() + 1);
        assertThat(as(admin(COUNTY)).get("/api/v1/waivers?regionCode=" + COUNTY + "&requirementId=" + FUNDING
                + "&activeOn=2024-06-30").then().statusCode(200).extract().jsonPath().getList("items.id")).contains(id);

        Map<String, Object> waived = item(TASHAN, 2024, asOf, FUNDING);
        assertThat(waived).containsEntry("status", "NOT_APPLICABLE");
        assertThat(waived.get("expected")).isNull();
        assertThat(waived.get("actual")).isNull();
        assertThat(waived.get("waiver")).isEqualTo(Map.of("id", id, "reason", REASON, "to", "2024-12-31",
                "approvedBy", "admin@" + COUNTY));

        JsonPath rollupWaived = rollup(CITY, 2024, asOf);
        assertThat(count(rollupWaived, "counts", "waived")).isEqualTo(count(rollupBefore, "counts", "waived") + 1)
                .isGreaterThanOrEqualTo(1);
        assertThat(count(rollupWaived, "counts", "NON_COMPLIANT")).isEqualTo(count(rollupBefore, "counts", "NON_COMPLIANT") - 1);
        assertThat(count(rollupWaived, "counts", "NOT_APPLICABLE"))
                .isEqualTo(count(rollupBefore, "counts", "NOT_APPLICABLE") + 1);
        String yuecheng = "children.find { it.regionCode == '" + COUNTY + "' }.counts";
        assertThat(count(rollupWaived, yuecheng, "waived")).isEqualTo(count(rollupBefore, yuecheng, "waived") + 1);
        String byFunding = "byRequirement.find { it.requirementId == '" + FUNDING + "' }.counts";
        assertThat(count(rollupWaived, byFunding, "waived")).isEqualTo(count(rollupBefore, byFunding, "waived") + 1);

        // the same dates again overlap the active waiver
        as(admin(COUNTY)).body(waiver).post("/api/v1/waivers").then().statusCode(409);

        // only a region strictly above may revoke; revoked, the item is judged again; revoked twice, 404
        as(admin(TASHAN)).delete("/api/v1/waivers/" + id).then().statusCode(403);
        assertThat(item(TASHAN, 2024, asOf, FUNDING)).containsEntry("status", "NOT_APPLICABLE");
        as(admin(COUNTY)).delete("/api/v1/waivers/" + id).then().statusCode(204);
        as(admin(COUNTY)).delete("/api/v1/waivers/" + id).then().statusCode(404);
        Map<String, Object> revoked = item(TASHAN, 2024, asOf, FUNDING);
        assertThat(revoked).containsEntry("status", "NON_COMPLIANT").containsEntry("actual", "15000.00");
        assertThat(revoked.get("waiver")).isNull();
        JsonPath rollupRevoked = rollup(CITY, 2024, asOf);
        for (String status : List.of("waived", "NON_COMPLIANT", "NOT_APPLICABLE", "COMPLIANT")) {
            assertThat(count(rollupRevoked, "counts", status)).as(status).isEqualTo(count(rollupBefore, "counts", status));
        }
        JsonPath listed = api().get("/api/v1/waivers?regionCode=" + TASHAN + "&requirementId=" + FUNDING).then()
                .statusCode(200).extract().jsonPath();
        assertThat(listed.getString("items.find { it.id == '" + id + "' }.revokedAt")).isNotBlank();

        // a waiver ending the day before the due date (2024-12-31) does not cover the period
        String short1 = as(admin(COUNTY)).body(waiver(TASHAN, "2024-01-01", "2024-12-30")).post("/api/v1/waivers").then()
                .statusCode(201).extract().path("id");
        assertThat(item(TASHAN, 2024, asOf, FUNDING)).containsEntry("status", "NON_COMPLIANT");
        as(admin(COUNTY)).delete("/api/v1/waivers/" + short1).then().statusCode(204);
    }

    /**
     * A waived PENDING item is not open: the reminder job creates no reminder for it, while the same requirement of a
     * sibling township, not waived, gets its 30-day reminder (due 2026-12-31, run on 2026-12-01).
     */
    @Test
    void aWaivedItemGetsNoReminderAndAnUnwaivedSiblingDoes() {
        String asOf = "2026-12-01";
        String id = as(admin(COUNTY)).body(waiver(TASHAN, "2026-01-01", "2026-12-31")).post("/api/v1/waivers").then()
                .statusCode(201).extract().path("id");
        try {
            assertThat(item(TASHAN, 2026, asOf, FUNDING)).containsEntry("status", "NOT_APPLICABLE");
            assertThat(item(CHENGNAN, 2026, asOf, FUNDING)).containsEntry("status", "PENDING");

            for (String township : List.of(TASHAN, CHENGNAN)) {
                api().post("/api/v1/reminders/run?asOf=" + asOf + "&regionCode=" + township).then().statusCode(200);
            }
            assertThat(reminders(TASHAN, FUNDING, "2026-12-31")).isEmpty();
            List<Map<String, Object>> sibling = reminders(CHENGNAN, FUNDING, "2026-12-31");
            assertThat(sibling).hasSize(1);
            assertThat(sibling.get(0)).containsEntry("stage", "UPCOMING").containsEntry("daysBefore", 30);
        } finally {
            as(admin(COUNTY)).delete("/api/v1/waivers/" + id).then().statusCode(204);
        }
    }

    /**
     * An owner set on 绍兴市 holds for its townships; one set on a township replaces it there. Items and reminders carry
     * the owner in force, with the region that set it.
     */
    @Test
    void anOwnerSetAboveHoldsBelowUnlessATownshipSetsItsOwn() {
        String taozhu = "330681003";
        String jinan = "330681004";
        String asOf = "2026-12-01";
        JsonPath city = as(admin(CITY)).body(Map.of("unit", "共青团绍兴市委", "contact", "李明 0575-85123456"))
                .put("/api/v1/requirements/" + FUNDING + "/owners/" + CITY).then().statusCode(200).extract().jsonPath();
        assertThat(city.getString("unit")).isEqualTo("共青团绍兴市委");
        assertThat(city.getString("regionCode")).isEqualTo(CITY);
        assertThat(city.getString("setBy")).isEqualTo("admin@" + CITY);
        assertThat(owner(item(jinan, 2026, asOf, FUNDING))).isEqualTo(Map.of("unit", "共青团绍兴市委",
                "contact", "李明 0575-85123456", "regionCode", CITY));

        as(admin(taozhu)).body(Map.of("unit", "陶朱街道团工委", "contact", "赵敏 0575-87012345"))
                .put("/api/v1/requirements/" + FUNDING + "/owners/" + taozhu).then().statusCode(200);
        assertThat(owner(item(taozhu, 2026, asOf, FUNDING))).containsEntry("unit", "陶朱街道团工委")
                .containsEntry("regionCode", taozhu);
        assertThat(owner(item(jinan, 2026, asOf, FUNDING))).containsEntry("unit", "共青团绍兴市委")
                .containsEntry("regionCode", CITY);

        JsonPath owners = api().get("/api/v1/requirements/" + FUNDING + "/owners?regionCode=" + ZHUJI).then().statusCode(200)
                .extract().jsonPath();
        assertThat(owners.getString("inForce.regionCode")).isEqualTo(CITY);
        assertThat(owners.getList("items.regionCode")).contains(taozhu).doesNotContain(CITY);
        assertThat(api().get("/api/v1/requirements/" + FUNDING + "/owners?regionCode=" + taozhu).then().statusCode(200)
                .extract().<String>path("inForce.unit")).isEqualTo("陶朱街道团工委");

        // the reminders of their PENDING 2026 items carry the owner in force
        for (String township : List.of(taozhu, jinan)) {
            api().post("/api/v1/reminders/run?asOf=" + asOf + "&regionCode=" + township).then().statusCode(200);
        }
        List<Map<String, Object>> own = reminders(taozhu, FUNDING, "2026-12-31");
        assertThat(own).hasSize(1);
        assertThat(owner(own.get(0))).containsEntry("unit", "陶朱街道团工委").containsEntry("regionCode", taozhu);
        List<Map<String, Object>> inherited = reminders(jinan, FUNDING, "2026-12-31");
        assertThat(inherited).hasSize(1);
        assertThat(owner(inherited.get(0))).containsEntry("unit", "共青团绍兴市委").containsEntry("regionCode", CITY);
    }

    /** As an admin of the country, so that only the input is wrong (330602999 is no region). */
    @Test
    void badInputIsAProblemNamingWhatIsWrongAndStoresNothing() {
        List<String> before = waiverIds(TASHAN);
        Map<String, Object> unknownRequirement = new LinkedHashMap<>(waiver(TASHAN, "2023-01-01", "2023-12-31"));
        unknownRequirement.put("requirementId", "NO_SUCH_REQUIREMENT");
        assertThat(api().body(unknownRequirement).post("/api/v1/waivers").then().statusCode(404)
                .contentType("application/problem+json").extract().<String>path("detail")).contains("NO_SUCH_REQUIREMENT");
        assertThat(api().body(waiver("330602999", "2023-01-01", "2023-12-31")).post("/api/v1/waivers").then()
                .statusCode(404).contentType("application/problem+json").extract().<String>path("detail")).contains("330602999");
        assertThat(api().body(waiver(TASHAN, "2023-12-31", "2023-01-01")).post("/api/v1/waivers").then()
                .statusCode(400).contentType("application/problem+json").extract().jsonPath().getList("violations.field"))
                .containsAnyOf("to", "from");
        Map<String, Object> noReason = new LinkedHashMap<>(waiver(TASHAN, "2023-01-01", "2023-12-31"));
        noReason.remove("reason");
        assertThat(api().body(noReason).post("/api/v1/waivers").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath().getList("violations.field")).contains("reason");
        assertThat(waiverIds(TASHAN)).isEqualTo(before);

        api().get("/api/v1/requirements/NO_SUCH_REQUIREMENT").then().statusCode(404).contentType("application/problem+json");
        api().body(Map.of("unit", "共青团绍兴市委")).put("/api/v1/requirements/NO_SUCH_REQUIREMENT/owners/" + CITY).then()
                .statusCode(404);
        api().body(Map.of("unit", "共青团绍兴市委")).put("/api/v1/requirements/" + FUNDING + "/owners/330602999").then()
                .statusCode(404);
        api().body(Map.of("effectiveTo", "2029-12-31")).put("/api/v1/requirements/NO_SUCH_REQUIREMENT").then().statusCode(404);
    }

    private static Map<String, Object> waiver(String region, String from, String to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requirementId", FUNDING);
        body.put("regionCode", region);
        body.put("from", from);
        body.put("to", to);
        body.put("reason", REASON);
        body.put("documentRef", "越政办〔2024〕12号");
        return body;
    }

    /** The ids of the waivers of a region's subtree, revoked ones too. */
    private static List<String> waiverIds(String region) {
        return api().get("/api/v1/waivers?regionCode=" + region).then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class);
    }

    /** The reminders of one requirement and region for the period due on {@code dueDate}. */
    private static List<Map<String, Object>> reminders(String region, String requirementId, String dueDate) {
        return api().get("/api/v1/reminders?regionCode=" + region + "&requirementId=" + requirementId + "&size=500").then()
                .statusCode(200).extract().jsonPath().getList("items.findAll { it.dueDate == '" + dueDate + "' }");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> owner(Map<String, Object> itemOrReminder) {
        Object owner = itemOrReminder.get("owner");
        assertThat(owner).as("owner of " + itemOrReminder).isInstanceOf(Map.class);
        return (Map<String, Object>) owner;
    }

    private static JsonPath rollup(String region, int year, String asOf) {
        JsonPath rollup = api().get("/api/v1/compliance/" + region + "/rollup?year=" + year + "&asOf=" + asOf).then()
                .statusCode(200).extract().jsonPath();
        assertThat(rollup.getList("incomplete")).as("services that did not answer").isEmpty();
        return rollup;
    }

    /** A count of the rollup; {@code waived} is left out of an answer when it is 0. */
    private static long count(JsonPath rollup, String counts, String status) {
        Object n = rollup.get(counts + "." + status);
        return n == null ? 0 : ((Number) n).longValue();
    }
}
