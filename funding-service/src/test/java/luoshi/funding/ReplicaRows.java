package luoshi.funding;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import luoshi.api.region.RegionCode;
import luoshi.audit.DataVersion;

/** Writes the read copy's rows directly, as the region feed would (the tests run without org-service). */
@ApplicationScoped
public class ReplicaRows {

    private final AgroalDataSource dataSource;
    private final DataVersion dataVersion;

    ReplicaRows(AgroalDataSource dataSource, DataVersion dataVersion) {
        this.dataSource = dataSource;
        this.dataVersion = dataVersion;
    }

    /** A region; its level and parent follow from the code. */
    public ReplicaRows region(String code, String name) {
        update("INSERT INTO region (code, name, level, parent_code, version) VALUES (?, ?, ?, ?, 1)"
                + " ON DUPLICATE KEY UPDATE name = VALUES(name)", code, name,
                RegionCode.levelOf(code).orElseThrow().name(), RegionCode.parentOf(code));
        return this;
    }

    public ReplicaRows population(String code, int year, long total) {
        update("INSERT INTO population (region_code, year, total, version) VALUES (?, ?, ?, 1)"
                + " ON DUPLICATE KEY UPDATE total = VALUES(total)", code, year, total);
        return this;
    }

    public void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
            dataVersion.advance();   // as the feed's pages do: answers kept by version must see the change
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
