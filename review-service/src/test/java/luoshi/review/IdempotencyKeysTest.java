package luoshi.review;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import luoshi.idempotency.testing.IdempotentPostChecks;

/** The Idempotency-Key of POST /api/v1/meetings, on the townships of Jinhua 金东区. */
@QuarkusTest
class IdempotencyKeysTest extends IdempotentPostChecks {

    private static final String[][] TOWNSHIPS = {{"330703001", "多湖街道"}, {"330703002", "东孝街道"},
            {"330703101", "孝顺镇"}, {"330703102", "傅村镇"}, {"330703103", "曹宅镇"}};

    @Inject
    DirectSql sql;

    @Override
    protected String path() {
        return "/api/v1/meetings";
    }

    @Override
    protected String region(int n) {
        String township = TOWNSHIPS[n][0];
        try {
            sql.execute("INSERT INTO region (code, name, level, parent_code, version) VALUES ('330000','浙江省','PROVINCE',NULL,1),"
                    + "('330700','金华市','CITY','330000',1),('330703','金东区','COUNTY','330700',1),"
                    + "('" + township + "','" + TOWNSHIPS[n][1] + "','TOWNSHIP','330703',1) ON DUPLICATE KEY UPDATE version = version");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return township;
    }

    @Override
    protected String body(String region, int variant) {
        return "{\"regionCode\":\"" + region + "\",\"type\":\"JOINT_MEETING\",\"date\":\"" + (variant == 0 ? "2025-04-01" : "2025-04-02")
                + "\",\"title\":\"金东区群团工作联席会议\",\"documentRef\":\"金东委〔2025〕5号\"}";
    }

    @Override
    protected String invalidBody(String region) {
        return "{\"regionCode\":\"" + region + "\",\"type\":\"JOINT_MEETING\",\"date\":\"2025-04-31\",\"title\":\"联席会议\"}";
    }

    @Override
    protected long records(String region) {
        return count("SELECT COUNT(*) FROM meeting WHERE region_code = ?", region);
    }

    @Override
    protected String entity() {
        return "meeting";
    }
}
