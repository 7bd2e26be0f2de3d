package luoshi.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import luoshi.api.audit.AuditApi;
import luoshi.api.audit.AuditEvent;
import luoshi.api.audit.AuditSource;
import luoshi.api.common.Page;
import luoshi.platform.ProblemException;
import luoshi.api.region.RegionCode;
import luoshi.security.Access;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's audit trail, read by the gateway for {@code GET /api/v1/audit} with the caller's
 * token: an admin sees the events of its subtree. Days are calendar days in China Standard Time.
 */
public class AuditResource implements AuditSource {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Access access;
    private final String service;

    AuditResource(AgroalDataSource dataSource, ObjectMapper json, Access access,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.dataSource = dataSource;
        this.json = json;
        this.access = access;
        this.service = application.replace("-service", "");
    }

    @Override
    public Page<AuditEvent> newest(String regionCode, LocalDate from, LocalDate to, int limit) {
        if (regionCode != null && !RegionCode.isCountry(regionCode) && RegionCode.levelOf(regionCode).isEmpty()) {
            throw ProblemException.badRequest("regionCode", "not a region code: " + regionCode);
        }
        if (limit < 1 || limit > AuditApi.MAX_DEPTH) {
            throw ProblemException.badRequest("limit", "must lie between 1 and " + AuditApi.MAX_DEPTH);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badRequest("to", "lies before from");
        }
        String region = access.administerScope(regionCode);
        String where = " WHERE region_code LIKE ? AND at >= ? AND at < ?";
        Object[] params = {RegionCode.subtreePattern(region),
            utc(from == null ? LocalDate.of(1970, 1, 1) : from), utc(to == null ? LocalDate.of(9999, 1, 1) : to.plusDays(1))};
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = bind(c.prepareStatement("SELECT COUNT(*) FROM audit_event" + where), params);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<AuditEvent> items = new ArrayList<>();
            try (PreparedStatement ps = bind(c.prepareStatement("SELECT id, at, actor, action, entity, entity_id, region_code,"
                    + " request_id, change_json FROM audit_event" + where + " ORDER BY at DESC, id DESC LIMIT " + limit), params);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new AuditEvent(service + ":" + rs.getLong(1),
                            rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC), service, rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            json.readTree(rs.getString(9))));
                }
            }
            return new Page<>(items, 0, limit, total);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
    }

    private static LocalDateTime utc(LocalDate day) {
        return day.atStartOfDay(CHINA).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private static PreparedStatement bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
