package luoshi.org;

import static io.restassured.RestAssured.given;
import static luoshi.org.OrganizationsTest.addLeader;
import static luoshi.org.OrganizationsTest.organization;
import static luoshi.org.RegionsTest.ensure;
import static luoshi.testing.TestTokens.ADMIN;
import static luoshi.testing.VersionChecks.assertPreconditions;
import static luoshi.testing.VersionChecks.assertStale;
import static luoshi.testing.VersionChecks.etag;
import static luoshi.testing.VersionChecks.getTagged;
import static luoshi.testing.VersionChecks.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import luoshi.testing.AuditChain;
import luoshi.testing.Concurrently;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Versions and ETags" and "The audit chain", in org-service: organisations and leaders carry a row version,
 * regions and population their change-feed version; a GET of one answers it as ETag, a stale If-Match is a 412 that
 * writes nothing, and two concurrent PATCHes of different fields both take effect, each audited in an unbroken chain.
 * Townships of 越城区 斗门街道 (330602012), 皋埠街道 (330602013) and 马山街道 (330602014) are this class's.
 */
@QuarkusTest
class VersionsTest {

    private static final int ROUNDS = 50;

    @Inject
    AgroalDataSource dataSource;

    private static String organizationPath(long id) {
        return "/api/v1/organizations/" + id;
    }

    private static String leaderPath(long organization, long leader) {
        return organizationPath(organization) + "/leaders/" + leader;
    }

    /** The leader as its organisation's list answers it (there is no GET of one leader). */
    private static Map<String, Object> leader(long organization, long leader) {
        List<Map<String, Object>> leaders = given().auth().oauth2(ADMIN).get(organizationPath(organization) + "/leaders")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return leaders.stream().filter(l -> ((Number) l.get("id")).longValue() == leader).findFirst().orElseThrow();
    }

    private static Map<String, Object> organizationNow(long id) {
        return given().auth().oauth2(ADMIN).get(organizationPath(id)).then().statusCode(200).extract().jsonPath().getMap("");
    }

    private long auditEvents() {
        return SecurityTest.count(dataSource, "SELECT COUNT(*) FROM audit_event");
    }

    private static ValidatableResponse patch(String path, String body) {
        return write(ADMIN, "PATCH", path, body, null);
    }

    @Test
    void twoConcurrentPatchesOfDifferentFieldsOfALeaderBothTakeEffectAndTheAuditChainHolds() {
        RegionsTest.ensureShaoxing();
        ensure("330602012", "斗门街道", "TOWNSHIP", "330602");
        long union = organization("330602012", "UNION", "斗门街道总工会", null);
        long head = addLeader(union, "赵军", "HEAD", "PART_TIME", false, "2022-01-01", null).statusCode(201).extract()
                .<Number>path("id").longValue();
        String path = leaderPath(union, head);

        List<String> lost = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String name = "赵军" + round;
            String employment = round % 2 == 0 ? "FULL_TIME" : "PART_TIME";
            List<ValidatableResponse> answers = Concurrently.run(
                    () -> patch(path, "{\"name\":\"" + name + "\"}"),
                    () -> patch(path, "{\"employment\":\"" + employment + "\"}"));
            answers.get(0).statusCode(200).body("name", is(name));
            answers.get(1).statusCode(200).body("employment", is(employment));
            Map<String, Object> stored = leader(union, head);
            if (!name.equals(stored.get("name")) || !employment.equals(stored.get("employment"))) {
                lost.add("round " + round + ": " + stored);
            }
            // each answer is what its write stored: versions differ, and the later one holds both changes
            long first = answers.get(0).extract().<Number>path("version").longValue();
            long second = answers.get(1).extract().<Number>path("version").longValue();
            assertThat(List.of(first, second)).containsExactlyInAnyOrder(2L + 2 * round, 3L + 2 * round);
        }
        assertThat(lost).isEmpty();
        assertThat(leader(union, head).get("version")).isEqualTo(1 + 2 * ROUNDS);

        AuditChain chain = AuditChain.of(dataSource, "leader", String.valueOf(head)).assertUnbroken();
        assertThat(chain.events()).hasSize(1 + 2 * ROUNDS);
        assertThat(chain.afters().get(2 * ROUNDS).get("version").asLong()).isEqualTo(1 + 2 * ROUNDS);
    }

    @Test
    void twoConcurrentPatchesOfDifferentFieldsOfAnOrganizationBothTakeEffectAndTheAuditChainHolds() {
        RegionsTest.ensureShaoxing();
        ensure("330602013", "皋埠街道", "TOWNSHIP", "330602");
        long county = organization("330602", "WOMENS_FEDERATION", "越城区妇联（版本）", null);
        long women = organization("330602013", "WOMENS_FEDERATION", "皋埠街道妇联", null);
        String path = organizationPath(women);

        List<String> lost = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String name = "皋埠街道妇联" + round;
            Long superior = round % 2 == 0 ? county : null;
            List<ValidatableResponse> answers = Concurrently.run(
                    () -> patch(path, "{\"name\":\"" + name + "\"}"),
                    () -> patch(path, "{\"superiorId\":" + superior + "}"));
            answers.get(0).statusCode(200).body("name", is(name));
            answers.get(1).statusCode(200);
            assertThat(answers.get(1).extract().<Number>path("superiorId")).isEqualTo(superior == null ? null
                    : (Object) superior.intValue());
            Map<String, Object> stored = organizationNow(women);
            Object storedSuperior = stored.get("superiorId") == null ? null : ((Number) stored.get("superiorId")).longValue();
            if (!name.equals(stored.get("name")) || !java.util.Objects.equals(superior, storedSuperior)) {
                lost.add("round " + round + ": " + stored);
            }
        }
        assertThat(lost).isEmpty();
        assertThat(organizationNow(women).get("version")).isEqualTo(1 + 2 * ROUNDS);

        AuditChain chain = AuditChain.of(dataSource, "organization", String.valueOf(women)).assertUnbroken();
        assertThat(chain.events()).hasSize(1 + 2 * ROUNDS);
    }

    @Test
    void anOrganizationAnswersItsETagAndAStaleIfMatchWritesNothing() {
        RegionsTest.ensureShaoxing();
        ensure("330602014", "马山街道", "TOWNSHIP", "330602");
        long youth = organization("330602014", "YOUTH_LEAGUE", "马山街道团工委", null);
        String path = organizationPath(youth);
        assertThat(getTagged(ADMIN, path)).isEqualTo(etag(1));

        String tag = assertPreconditions(ADMIN, "PATCH", path, "{\"name\":\"马山街道团工委（更正）\"}", etag(1),
                () -> organizationNow(youth), this::auditEvents);
        assertThat(tag).isEqualTo(etag(2));
        assertThat(getTagged(ADMIN, path)).isEqualTo(etag(2));
        // * names any stored version
        write(ADMIN, "PATCH", path, "{\"name\":\"马山街道团工委\"}", "*").statusCode(200).header("ETag", etag(3));
        // a correction that changes nothing writes nothing: the version stays
        write(ADMIN, "PATCH", path, "{\"name\":\"马山街道团工委\"}", etag(3)).statusCode(200).header("ETag", etag(3));

        assertPreconditions(ADMIN, "DELETE", path, null, etag(3), () -> organizationNow(youth), this::auditEvents);
        given().auth().oauth2(ADMIN).get(path).then().statusCode(404);
        // a 404 comes before the precondition: nothing is there to compare
        write(ADMIN, "DELETE", path, null, etag(3)).statusCode(404);
        AuditChain.of(dataSource, "organization", String.valueOf(youth)).assertUnbroken();
    }

    @Test
    void aLeaderAnswersItsVersionAndAStaleIfMatchWritesNothing() {
        RegionsTest.ensureShaoxing();
        ensure("330602014", "马山街道", "TOWNSHIP", "330602");
        long union = organization("330602014", "UNION", "马山街道总工会", null);
        long deputy = addLeader(union, "钱芳", "DEPUTY", "FULL_TIME", true, "2023-03-01", null).statusCode(201)
                .body("version", is(1)).extract().<Number>path("id").longValue();
        String path = leaderPath(union, deputy);

        String tag = assertPreconditions(ADMIN, "PATCH", path, "{\"to\":\"2025-06-30\"}", etag(1),
                () -> leader(union, deputy), this::auditEvents);
        assertThat(leader(union, deputy)).containsEntry("to", "2025-06-30").containsEntry("version", 2);
        assertPreconditions(ADMIN, "DELETE", path, null, tag, () -> leader(union, deputy), this::auditEvents);
        AuditChain.of(dataSource, "leader", String.valueOf(deputy)).assertUnbroken();
    }

    @Test
    void regionsAndPopulationAnswerTheirFeedVersionAsETag() {
        RegionsTest.ensureShaoxing();
        ensure("330602014", "马山街道", "TOWNSHIP", "330602");
        String region = "/api/v1/regions/330602014";
        String tag = getTagged(ADMIN, region);
        String renamed = assertPreconditions(ADMIN, "PUT", region, RegionsTest.region("马山镇", "TOWNSHIP", "330602"), tag,
                () -> given().auth().oauth2(ADMIN).get(region).then().extract().asString(), this::auditEvents);
        assertThat(getTagged(ADMIN, region)).isEqualTo(renamed);
        // the same region again writes nothing and keeps its version
        write(ADMIN, "PUT", region, RegionsTest.region("马山镇", "TOWNSHIP", "330602"), renamed).statusCode(200)
                .header("ETag", renamed);
        write(ADMIN, "PUT", region, RegionsTest.region("马山街道", "TOWNSHIP", "330602"), null).statusCode(200);
        AuditChain.of(dataSource, "region", "330602014").assertUnbroken();

        // no population of 2019 yet: an If-Match names nothing stored, * included, and nothing is created
        String population = region + "/population/2019";
        for (String ifMatch : List.of(etag(1), "*")) {
            write(ADMIN, "PUT", population, "{\"total\":41000}", ifMatch).statusCode(412)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(ADMIN).get(population).then().statusCode(404);
        String created = write(ADMIN, "PUT", population, "{\"total\":41000}", null).statusCode(200).extract().header("ETag");
        assertThat(getTagged(ADMIN, population)).isEqualTo(created);
        String corrected = assertPreconditions(ADMIN, "PUT", population, "{\"total\":41200}", created,
                () -> given().auth().oauth2(ADMIN).get(population).then().extract().asString(), this::auditEvents);
        assertStale(write(ADMIN, "DELETE", population, null, created), corrected);
        assertPreconditions(ADMIN, "DELETE", population, null, corrected,
                () -> given().auth().oauth2(ADMIN).get(population).then().extract().asString(), this::auditEvents);
        // entered again: a new feed version, never the old one
        String again = write(ADMIN, "PUT", population, "{\"total\":41000}", null).statusCode(200).extract().header("ETag");
        assertThat(again).isNotIn(created, corrected);
        AuditChain.of(dataSource, "population", "330602014/2019").assertUnbroken();
    }
}
