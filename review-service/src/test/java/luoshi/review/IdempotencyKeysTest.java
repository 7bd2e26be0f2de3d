package luoshi.review;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import luoshi.testing.IdempotentPostChecks;
import org.junit.jupiter.api.AfterEach;

/** The Idempotency-Key of POST /api/v1/meetings, on the townships of Wuhan 江岸区. */
@QuarkusTest
class IdempotencyKeysTest extends IdempotentPostChecks {

    private static final String[][] TOWNSHIPS = {{"420102002", "大智街道"}, {"420102003", "一元街道"},
            {"420102004", "车站街道"}, {"420102005", "四唯街道"}, {"420102006", "永清街道"}, {"420102007", "西马街道"},
            {"420102008", "球场街道"}};

    @Inject
    DirectSql sql;

    /** The regions leave with each test, so that other tests' reminder runs do not see them. */
    @AfterEach
    void removeFacts() throws SQLException {
        sql.execute("DELETE FROM region WHERE code LIKE '42%'", "DELETE FROM meeting WHERE region_code LIKE '42%'");
    }

    @Override
    protected String path() {
        return "/api/v1/meetings";
    }

    @Override
    protected String region(int n) {
        String township = TOWNSHIPS[n][0];
        try {
            sql.execute("INSERT INTO region (code, name, level, parent_code, version) VALUES ('420000','湖北省','PROVINCE',NULL,1),"
                    + "('420100','武汉市','CITY','420000',1),('420102','江岸区','COUNTY','420100',1),"
                    + "('" + township + "','" + TOWNSHIPS[n][1] + "','TOWNSHIP','420102',1)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return township;
    }

    @Override
    protected String body(String region, int variant) {
        return "{\"regionCode\":\"" + region + "\",\"type\":\"JOINT_MEETING\",\"date\":\"" + (variant == 0 ? "2025-04-01" : "2025-04-02")
                + "\",\"title\":\"江岸区群团工作联席会议\",\"documentRef\":\"岸委〔2025〕5号\"}";
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
