package luoshi.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A service's DATETIME(3) columns hold an instant as its UTC wall-clock time, whatever the zone of the server or of
 * the connection: as the audit trail's columns do, and as the rows stored before (by the ORM) already hold them.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** The value to bind for {@code instant}; null binds NULL. */
    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The instant in {@code column}, null when it is NULL. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
