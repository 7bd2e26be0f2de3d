package luoshi.funding;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import luoshi.testing.IdempotentPostChecks;

/** The Idempotency-Key of POST /api/v1/funding, on the townships of Hangzhou 拱墅区. */
@QuarkusTest
class IdempotencyKeysTest extends IdempotentPostChecks {

    private static final String[][] TOWNSHIPS = {{"330105001", "米市巷街道"}, {"330105002", "湖墅街道"},
            {"330105003", "小河街道"}, {"330105004", "和睦街道"}, {"330105005", "拱宸桥街道"}, {"330105007", "大关街道"},
            {"330105008", "上塘街道"}};

    @Inject
    ReplicaRows replica;

    @Override
    protected String path() {
        return "/api/v1/funding";
    }

    @Override
    protected String region(int n) {
        String township = TOWNSHIPS[n][0];
        replica.region("330000", "浙江省").region("330100", "杭州市").region("330105", "拱墅区")
                .region(township, TOWNSHIPS[n][1]);
        return township;
    }

    @Override
    protected String body(String region, int variant) {
        return FundingRecordsTest.json(region, "YOUTH_LEAGUE_WORK", 2025, variant == 0 ? "\"20000.00\"" : "\"19999.99\"",
                "杭财〔2025〕" + (7 + variant) + "号");
    }

    @Override
    protected String invalidBody(String region) {
        return FundingRecordsTest.json(region, "YOUTH_LEAGUE_WORK", 2025, "\"-1\"", null);
    }

    @Override
    protected long records(String region) {
        return count("SELECT COUNT(*) FROM funding_record WHERE region_code = ?", region);
    }

    @Override
    protected String entity() {
        return "funding-record";
    }
}
