package luoshi.org;

import static luoshi.org.RegionsTest.ensure;

import io.quarkus.test.junit.QuarkusTest;
import luoshi.testing.IdempotentPostChecks;

/** The Idempotency-Key of POST /api/v1/organizations, on the townships of Jinhua 婺城区. */
@QuarkusTest
class IdempotencyKeysTest extends IdempotentPostChecks {

    private static final String[] TOWNSHIPS = {"城东街道", "城中街道", "城西街道", "城北街道", "江南街道", "三江街道", "西关街道"};

    @Override
    protected String path() {
        return "/api/v1/organizations";
    }

    @Override
    protected String region(int n) {
        String township = "33070200" + (n + 1);
        ensure("330000", "浙江省", "PROVINCE", null);
        ensure("330700", "金华市", "CITY", "330000");
        ensure("330702", "婺城区", "COUNTY", "330700");
        ensure(township, TOWNSHIPS[n], "TOWNSHIP", "330702");
        return township;
    }

    @Override
    protected String body(String region, int variant) {
        return "{\"regionCode\":\"" + region + "\",\"type\":\"YOUTH_LEAGUE\",\"name\":\""
                + (variant == 0 ? "共青团金华市婺城区街道工作委员会" : "金华市婺城区街道妇女联合会") + "\"}";
    }

    @Override
    protected String invalidBody(String region) {
        return "{\"regionCode\":\"" + region + "\",\"type\":\"YOUTH_LEAGUE\",\"name\":\" \"}";
    }

    @Override
    protected long records(String region) {
        return count("SELECT COUNT(*) FROM organization WHERE region_code = ?", region);
    }

    @Override
    protected String entity() {
        return "organization";
    }
}
