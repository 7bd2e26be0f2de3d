package luoshi.rules;

import static io.restassured.RestAssured.given;
import static luoshi.testing.TestTokens.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import luoshi.api.compliance.ComplianceItem;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.FollowUpFilter;
import luoshi.api.compliance.FollowUpItem;
import luoshi.api.compliance.ItemReason;
import luoshi.api.compliance.ServiceFollowUp;
import luoshi.api.compliance.ServiceItems;
import luoshi.rules.engine.Compliance;
import luoshi.rules.engine.Compliance.FollowUpKey;
import luoshi.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The follow-up list of a subtree (API.md, "Follow-up list and readable answers") as one service answers it: the same
 * rows as the items of every region of the subtree, in the list's order, filtered and sliced in SQL; each item with its
 * Chinese title and, when NOT_APPLICABLE or NO_DATA, the reason.
 */
@QuarkusTest
class FollowUpListTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    /** The regions of the test schema under 绍兴市 (db/test/V900__test_regions.sql), the city included. */
    static final List<String> SHAOXING = List.of("330600", "330602", "330602001", "330602002", "330603", "330603001");

    @Inject
    Compliance compliance;

    private static FollowUpFilter filter(String status, String level, String requirementId) {
        List<luoshi.api.common.Violation> violations = new ArrayList<>();
        FollowUpFilter filter = FollowUpFilter.parse(status, level, requirementId, violations);
        assertThat(violations).isEmpty();
        return filter;
    }

    /** Every item of every region of 绍兴市, as its region's items answer them, in the list's order. */
    private List<FollowUpItem> itemsOfEveryRegion() {
        List<FollowUpItem> all = new ArrayList<>();
        for (String code : SHAOXING) {
            ServiceItems items = compliance.items(code, 2026, AS_OF);
            items.items().forEach(i -> all.add(FollowUpItem.of(code, items.regionName(), i)));
        }
        all.sort(FollowUpItem.ORDER);
        return all;
    }

    @Test
    void theListHoldsEveryItemOfTheSubtreeAsTheRegionsItemsDoAndItsSlicesJoinUpToIt() {
        List<FollowUpItem> expected = itemsOfEveryRegion();
        ServiceFollowUp whole = compliance.followUp("330600", 2026, AS_OF, filter(null, null, null), null, 5000, true);
        assertThat(whole.items()).isEqualTo(expected);
        assertThat(whole.total()).isEqualTo(expected.size());
        assertThat(expected).hasSizeGreaterThan(SHAOXING.size());   // more than one requirement per region

        // three rows at a time, each slice after the last row of the one before
        List<FollowUpItem> sliced = new ArrayList<>();
        FollowUpKey after = null;
        for (int calls = 0; calls < 100; calls++) {
            List<FollowUpItem> slice = compliance.followUp("330600", 2026, AS_OF, filter(null, null, null), after, 3,
                    false).items();
            sliced.addAll(slice);
            if (slice.size() < 3) {
                break;
            }
            FollowUpItem last = slice.get(slice.size() - 1);
            after = new FollowUpKey(last.regionCode(), last.requirementId(), last.periodStart());
        }
        assertThat(sliced).isEqualTo(expected);
    }

    @Test
    void slicesOfAListReadWholeWithAFilterJoinUpToThePageOfTheWholeSubtree() {
        // two regions at a time (luoshi.rules.follow-up-window in the tests): a slice of two NOT_APPLICABLE or
        // NON_COMPLIANT rows reads windows until it is full, whichever windows hold none
        FollowUpFilter sparse = filter("NON_COMPLIANT,NOT_APPLICABLE", null, null);
        List<FollowUpItem> expected = compliance.followUp("330600", 2026, AS_OF, sparse, null, 5000, true).items();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(3);   // more rows than a slice, some windows without any
        List<FollowUpItem> sliced = new ArrayList<>();
        FollowUpKey after = null;
        for (int calls = 0; calls < 1000; calls++) {
            List<FollowUpItem> slice = compliance.followUp("330600", 2026, AS_OF, sparse, after, 2, false).items();
            sliced.addAll(slice);
            if (slice.size() < 2) {
                break;
            }
            FollowUpItem last = slice.get(slice.size() - 1);
            after = new FollowUpKey(last.regionCode(), last.requirementId(), last.periodStart());
        }
        assertThat(sliced).isEqualTo(expected);
    }

    @Test
    void theFiltersKeepTheRowsOfTheirStatusesLevelAndRequirement() {
        List<FollowUpItem> expected = itemsOfEveryRegion().stream()
                .filter(i -> i.status() == ComplianceStatus.COMPLIANT || i.status() == ComplianceStatus.NOT_APPLICABLE)
                .filter(i -> i.regionCode().length() == 9).toList();
        ServiceFollowUp townships = compliance.followUp("330600", 2026, AS_OF,
                filter("COMPLIANT, not_applicable", "TOWNSHIP", null), null, 5000, true);
        assertThat(townships.items()).isEqualTo(expected).isNotEmpty();
        assertThat(townships.total()).isEqualTo(expected.size());

        ServiceFollowUp shortNames = compliance.followUp("330602", 2026, AS_OF,
                filter(null, null, ARuleTypeIsOneClassAndOneSeedTest.ID), null, 5000, true);
        assertThat(shortNames.items()).extracting(FollowUpItem::regionCode)
                .containsExactly("330602", "330602001", "330602002");
        assertThat(shortNames.items()).extracting(FollowUpItem::requirementId).containsOnly(ARuleTypeIsOneClassAndOneSeedTest.ID);
    }

    @Test
    void everyItemHasItsChineseTitleAndANotApplicableOneItsReason() {
        ComplianceItem county = compliance.items("330602", 2026, AS_OF).items().stream()
                .filter(i -> i.requirementId().equals(ARuleTypeIsOneClassAndOneSeedTest.ID)).findFirst().orElseThrow();
        assertThat(county.title()).isEqualTo("乡镇（街道）名称不超过四个字");
        assertThat(county.status()).isEqualTo(ComplianceStatus.NOT_APPLICABLE);
        assertThat(county.reason()).isEqualTo(ItemReason.LEVEL);                     // a county: not of its levels

        ComplianceItem township = compliance.items("330602001", 2026, AS_OF).items().stream()
                .filter(i -> i.requirementId().equals(ARuleTypeIsOneClassAndOneSeedTest.ID)).findFirst().orElseThrow();
        assertThat(township.status()).isEqualTo(ComplianceStatus.COMPLIANT);
        assertThat(township.reason()).isNull();                                      // a verdict on the facts
        assertThat(township.title()).isEqualTo("乡镇（街道）名称不超过四个字");

        // issued by 越城区: 柯桥区's township lies outside the issuer's subtree
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"id":"SHORT_YUECHENG","title":"Short names in Yuecheng","titleZh":"越城区乡镇名称简短",
                 "source":"rule-core test","issuerRegionCode":"330602","levels":["TOWNSHIP"],"period":"STATE",
                 "rule":{"type":"TEST_NAME_LENGTH","maxChars":4}}""").post("/api/v1/requirements").then().statusCode(201);
        FollowUpItem keqiao = compliance.followUp("330603", 2026, AS_OF, filter(null, "TOWNSHIP", "SHORT_YUECHENG"),
                null, 10, false).items().get(0);
        assertThat(keqiao.regionCode()).isEqualTo("330603001");
        assertThat(keqiao.status()).isEqualTo(ComplianceStatus.NOT_APPLICABLE);
        assertThat(keqiao.reason()).isEqualTo(ItemReason.OUTSIDE_ISSUER);
        assertThat(keqiao.title()).isEqualTo("越城区乡镇名称简短");
        assertThat(keqiao.regionName()).isEqualTo("柯桥街道");
    }

    @Test
    void theInternalEndpointRefusesBadFiltersAndReadersOfAnotherSubtree() {
        String viewer = TestTokens.token("viewer", "330600");
        given().auth().oauth2(viewer).queryParam("year", 2026).queryParam("status", "NON_COMPLIANT,LATE")
                .get("/internal/v1/compliance/regions/330600/items").then().statusCode(400)
                .body("violations[0].field", is("status")).body("violations[0].message", containsString("[LATE]"));
        given().auth().oauth2(viewer).queryParam("year", 2026).queryParam("level", "DISTRICT")
                .get("/internal/v1/compliance/regions/330600/items").then().statusCode(400)
                .body("violations[0].field", is("level"));
        given().auth().oauth2(viewer).queryParam("year", 2026).queryParam("limit", 0)
                .get("/internal/v1/compliance/regions/330600/items").then().statusCode(400)
                .body("violations[0].field", is("limit"));
        given().auth().oauth2(TestTokens.token("viewer", "330603")).queryParam("year", 2026)
                .get("/internal/v1/compliance/regions/330600/items").then().statusCode(403);
        given().auth().oauth2(viewer).queryParam("year", 2026).queryParam("asOf", AS_OF.toString())
                .queryParam("level", "TOWNSHIP").queryParam("count", true)
                .get("/internal/v1/compliance/regions/330602/items").then().statusCode(200)
                .body("items.regionCode", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.startsWith("330602")))
                .body("items[0].title", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(viewer).queryParam("fromRegion", "330600").queryParam("toRegion", "330699")
                .get("/internal/v1/compliance/regions/330600/open-rectifications").then().statusCode(200)
                .body("size()", is(0));                                        // rule-core's test service keeps none
    }
}
