package luoshi.system;

import static luoshi.system.PublicApi.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import luoshi.system.PublicApi.Answer;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * API.md, "Faults stay in their room": one caller's 100 malformed reads, spread over the lists of every service
 * (region-code filters that are no code, a year that is no number), are each a 4xx problem, and they suspend nothing for
 * anybody else: another caller's valid reads of organisations (org-service), funding (funding-service) and meetings
 * (review-service) through the gateway answer 200 in between and right after, never 503. (Issue #24: ten such reads of
 * the waivers by a country viewer opened funding-service's breaker for every caller.) At the end it waits until every
 * service answers again, so that a breaker it opened fails no later test.
 */
@Order(Integer.MAX_VALUE - 4)
class BreakerIsolationTest {

    static final String TOWNSHIP = "320205002";
    static final String MALICE = TestTokens.token("viewer", "000000", "malice@000000");
    static final String CLERK = TestTokens.token("viewer", "320205", "clerk@320205");

    /** Malformed reads of the lists of the three services, through the gateway. */
    static final List<String> MALFORMED = List.of(
            "/api/v1/waivers?requirementId=TOWNSHIP_YOUTH_LEAGUE_FUNDING&regionCode=0",
            "/api/v1/waivers?requirementId=TOWNSHIP_FULL_TIME_HEADS&regionCode=0",
            "/api/v1/waivers?requirementId=ANNUAL_COMMITTEE_STUDY&regionCode=3306x",
            "/api/v1/requirements/TOWNSHIP_YOUTH_LEAGUE_FUNDING/owners?regionCode=0",
            "/api/v1/requirements/TOWNSHIP_FULL_TIME_HEADS/owners?regionCode=33060",
            "/api/v1/organizations?regionCode=3306x",
            "/api/v1/organizations?within=0",
            "/api/v1/funding?regionCode=0",
            "/api/v1/funding?regionCode=330602&fiscalYear=abc",
            "/api/v1/union-fees/0/2025",
            "/api/v1/meetings?regionCode=33060",
            "/api/v1/committee-terms?regionCode=3306x",
            "/api/v1/documents?regionCode=0",
            "/api/v1/reminders?regionCode=0",
            "/api/v1/regions/3306x/children",
            "/api/v1/compliance/0?year=2025",
            "/api/v1/compliance/33060/rollup?year=2025",
            "/api/v1/audit?regionCode=0",
            "/api/v1/regions/330602/population/abc",
            "/api/v1/funding/%00");

    /** Valid reads of the other caller: one of each service. */
    static final List<String> VALID = List.of(
            "/api/v1/organizations?regionCode=" + TOWNSHIP,
            "/api/v1/funding?regionCode=" + TOWNSHIP,
            "/api/v1/meetings?regionCode=320205&year=2025",
            "/api/v1/waivers?regionCode=" + TOWNSHIP + "&requirementId=TOWNSHIP_YOUTH_LEAGUE_FUNDING");

    @BeforeAll
    static void region() {
        LuoshiSystem.get();
        PublicApi.realRegions(TOWNSHIP);
    }

    @AfterAll
    static void recover() {
        PublicApi.awaitEveryServiceAnswers();
    }

    @Test
    void aHundredMalformedReadsOfOneCallerLeaveEveryServiceAnsweringTheOthers() {
        Map<String, List<String>> failures = new LinkedHashMap<>();
        for (String path : VALID) {
            Answer a = read(CLERK, path);
            assertThat(a.status()).as("before: GET " + path + " → " + a).isEqualTo(200);
        }
        for (int i = 0; i < 100; i++) {
            String path = MALFORMED.get(i % MALFORMED.size());
            Answer a = read(MALICE, path);
            if (a.status() < 400 || a.status() >= 500 || a.problemDefect() != null) {
                failures.computeIfAbsent("malformed GET " + path + " → " + a.status() + ", not a 4xx problem",
                        k -> new ArrayList<>()).add("read " + (i + 1) + ": " + a);
            }
            if (i % 10 == 9) {
                others(failures, "after " + (i + 1) + " malformed reads");
            }
        }
        others(failures, "right after the 100 malformed reads");
        List<String> summary = new ArrayList<>();
        failures.forEach((what, seen) -> summary.add(what + " (" + seen.size() + " times; first " + seen.get(0) + ")"));
        assertThat(summary).as("the malformed reads, and the other caller's answers").isEmpty();
    }

    private static void others(Map<String, List<String>> failures, String when) {
        for (String path : VALID) {
            Answer a = read(CLERK, path);
            if (a.status() != 200) {
                failures.computeIfAbsent("another caller's GET " + path + " → " + a.status(), k -> new ArrayList<>())
                        .add(when + ": " + a);
            }
        }
    }

    private static Answer read(String token, String path) {
        return send(token, "GET", path, Map.of(), null, (byte[]) null);
    }
}
