package luoshi.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import luoshi.api.audit.AuditApi;
import luoshi.api.audit.AuditEvent;
import luoshi.api.audit.AuditSource;
import luoshi.api.common.Page;
import luoshi.platform.ProblemException;
import luoshi.api.region.RegionCode;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.security.Access;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's audit trail, read by the gateway for {@code GET /api/v1/audit} with the caller's
 * token: an admin sees the events of its subtree. Days are calendar days in China Standard Time.
 */
public class AuditResource implements AuditSource {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The events of a subtree and period; the bounds are UTC instants of Chinese calendar days. */
    private static final Sql WHERE = Sql.of("region_code LIKE :pattern AND at >= :from AND at < :to");
    private static final Sql COUNT = Sql.of("SELECT COUNT(*) FROM audit_event WHERE :where");
    private static final Sql NEWEST = Sql.of("SELECT id, at, actor, action, entity, entity_id, region_code, request_id,"
            + " change_json FROM audit_event WHERE :where ORDER BY at DESC, id DESC LIMIT :limit");

    private final Database db;
    private final ObjectMapper json;
    private final Access access;
    private final String service;

    AuditResource(Database db, ObjectMapper json, Access access,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.db = db;
        this.json = json;
        this.access = access;
        this.service = application.replace("-service", "");
    }

    @Override
    public Page<AuditEvent> newest(RegionCode regionCode, LocalDate from, LocalDate to, int limit) {
        if (limit < 1 || limit > AuditApi.MAX_DEPTH) {
            throw ProblemException.badRequest("limit", "must lie between 1 and " + AuditApi.MAX_DEPTH);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badRequest("to", "lies before from");
        }
        String region = access.administerScope(RegionCode.text(regionCode));
        Sql where = WHERE.bind("pattern", RegionCode.subtreePattern(region))
                .bind("from", utc(from == null ? LocalDate.of(1970, 1, 1) : from))
                .bind("to", utc(to == null ? LocalDate.of(9999, 1, 1) : to.plusDays(1)));
        long total = db.count(COUNT.bind("where", where));
        List<AuditEvent> items = db.list(NEWEST.bind("where", where).bind("limit", limit), rs -> new AuditEvent(
                service + ":" + rs.getLong(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC), service,
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                change(rs.getString(9))));
        return new Page<>(items, 0, limit, total);
    }

    private JsonNode change(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            // the column's CHECK (JSON_VALID) keeps this from happening
            throw new IllegalStateException("could not read the audit trail", e);
        }
    }

    private static LocalDateTime utc(LocalDate day) {
        return day.atStartOfDay(CHINA).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
