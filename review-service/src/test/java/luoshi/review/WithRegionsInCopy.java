package luoshi.review;

import jakarta.inject.Inject;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * A test class that writes facts: the regions its tests name with {@link RegionsInCopy} are in the copy of the regions
 * during each test, and out of it after (with any other its test put there through {@link DirectSql#putInCopy}).
 */
abstract class WithRegionsInCopy {

    @Inject
    DirectSql sql;

    @BeforeEach
    void putRegionsInCopy(TestInfo test) throws SQLException {
        sql.putInCopy(test);
    }

    @AfterEach
    void takeRegionsOutOfCopy(TestInfo test) throws SQLException {
        sql.takeOutOfCopy(test);
    }
}
