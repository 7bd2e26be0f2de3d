package luoshi.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.security.Caller;

/**
 * Records a write in the audit trail, inside the transaction of the write itself (it refuses to run outside one): a
 * write that rolls back leaves no event, and no write commits without one. Call it from the {@code @Transactional}
 * method that writes, after the checks of {@link luoshi.security.Access}, with the state before and after
 * ({@code null} for a creation or a deletion). For the audit chain (API.md: each event's {@code before} is the previous
 * event's {@code after}, whatever the concurrency), {@code before} is the row as read with its lock in that
 * transaction ({@code SELECT … FOR UPDATE}: the newest committed version, which no other writer can change until this
 * one commits) and {@code after} the row read back after the write, both with their version (CONTRIBUTING,
 * "Versions"). A batch is one {@code IMPORT} event that holds its rows. Recording also advances the
 * {@link DataVersion}: every write is recorded, so every write moves it.
 */
@ApplicationScoped
public class AuditTrail {

    public enum Action { CREATE, UPDATE, DELETE, IMPORT, RUN }

    /** The actor of a write that no caller made. */
    public static final String SYSTEM = "system";

    private static final Sql INSERT = Sql.of("INSERT INTO audit_event (at, actor, action, entity, entity_id, region_code,"
            + " request_id, change_json) VALUES (:at, :actor, :action, :entity, :entityId, :region, :requestId, :change)");

    private final Database db;
    private final DataVersion dataVersion;
    private final ObjectMapper json;
    private final Clock clock;

    AuditTrail(Database db, DataVersion dataVersion, ObjectMapper json, Clock clock) {
        this.db = db;
        this.dataVersion = dataVersion;
        this.json = json;
        this.clock = clock;
    }

    /** The change as stored: {@code {"before": …, "after": …}}, written in one pass (an import's event holds its rows). */
    record Change(Object before, Object after) {
    }

    /**
     * Records a write of one entity in {@code regionCode}. It reaches the region and its ancestors' answers
     * ({@link DataVersion.Reach#REGION}), or, for an {@code IMPORT} (a batch is recorded under its caller's region, its
     * rows below it) and a {@code RUN} (a job over a scope), the whole subtree ({@link DataVersion.Reach#SUBTREE}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Action action, String entity, String entityId, String regionCode, Object before, Object after) {
        record(action == Action.IMPORT || action == Action.RUN ? DataVersion.Reach.SUBTREE : DataVersion.Reach.REGION,
                action, entity, entityId, regionCode, before, after);
    }

    /**
     * As {@link #record(Action, String, String, String, Object, Object)}, for a write whose effect reaches as far as
     * {@code reach} says: a waiver, a jurisdiction's parameters or a requirement change the answers of the whole subtree
     * of their region ({@link DataVersion.Reach#SUBTREE}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(DataVersion.Reach reach, Action action, String entity, String entityId, String regionCode,
            Object before, Object after) {
        String change = change(entity, entityId, before, after);
        db.update(INSERT.bind("at", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .bind("actor", actor())
                .bind("action", action)
                .bind("entity", entity)
                .bind("entityId", entityId)
                .bind("region", regionCode)
                .bind("requestId", requestId())
                .bind("change", change));
        dataVersion.advance(regionCode, reach);   // every recorded write changes the data: answers kept by version are stale
    }

    /** One event of {@link #recordAll}: an entity's id and region, its state before and after. */
    public record Event(String entityId, String regionCode, Object before, Object after) {
    }

    /**
     * Records one event per entity of a write that changes many at once (the reminder job's openings of thousands of
     * rectifications), as {@link #record} would one by one, in multi-row statements and with one advance of the
     * {@link DataVersion}: a national run opens tens of thousands (benchmarks/), and two statements per event cost
     * the run most of its time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(Action action, String entity, List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        LocalDateTime at = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String actor = actor();
        String requestId = requestId();
        db.insertAll("INSERT INTO audit_event (at, actor, action, entity, entity_id, region_code, request_id, change_json) VALUES",
                "", events, e -> Arrays.asList(at, actor, action.name(), entity, e.entityId(), e.regionCode(), requestId,
                        change(entity, e.entityId(), e.before(), e.after())));
        dataVersion.advance(events.stream().map(Event::regionCode).distinct().toList(), DataVersion.Reach.REGION);
    }

    private String change(String entity, String entityId, Object before, Object after) {
        try {
            return json.writeValueAsString(new Change(before, after));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not record the audit event of " + entity + " " + entityId, e);
        }
    }

    /** The caller's sub; {@value #SYSTEM} for what no caller asked (the scheduled reminder job). */
    private static String actor() {
        String subject = Arc.container().requestContext().isActive()
                ? Arc.container().instance(Caller.class).get().subject() : null;
        return subject != null ? subject : SYSTEM;
    }

    private static String requestId() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext rc = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        return rc == null ? null : rc.request().getHeader("X-Request-Id");
    }
}
