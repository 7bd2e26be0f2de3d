package luoshi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The audit events of one resource in the order they were recorded (API.md, "The audit chain"), read from the service's
 * table {@code audit_event}: each event's {@code before} must equal the previous event's {@code after}.
 */
public record AuditChain(String entity, String id, List<Event> events) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event: its action and the resource before and after it ({@code null} JSON for a creation or a deletion). */
    public record Event(long id, String action, JsonNode before, JsonNode after) {
    }

    public static AuditChain of(DataSource db, String entity, String id) {
        List<Event> events = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, action, change_json FROM audit_event WHERE entity = ? AND entity_id = ? ORDER BY id")) {
            ps.setString(1, entity);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode change = JSON.readTree(rs.getString(3));
                    events.add(new Event(rs.getLong(1), rs.getString(2), change.get("before"), change.get("after")));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new AssertionError("cannot read the audit events of " + entity + " " + id, e);
        }
        return new AuditChain(entity, id, events);
    }

    /**
     * Asserts that every event's {@code before} is the previous event's {@code after}: equal, field for field (a
     * deletion's {@code before} may hold more, such as an organisation's leaders). Answers the chain.
     */
    public AuditChain assertUnbroken() {
        assertThat(events).as("the audit events of %s %s", entity, id).isNotEmpty();
        for (int i = 1; i < events.size(); i++) {
            Event previous = events.get(i - 1);
            Event event = events.get(i);
            String at = entity + " " + id + ": event " + event.id() + " (" + event.action() + ") after event " + previous.id();
            if ("DELETE".equals(event.action())) {
                assertThat(contains(event.before(), previous.after())).as(at + ": before %s, previous after %s",
                        event.before(), previous.after()).isTrue();
            } else {
                assertThat(event.before()).as(at).isEqualTo(previous.after());
            }
        }
        return this;
    }

    /** The events' {@code after}s, oldest first. */
    public List<JsonNode> afters() {
        return events.stream().map(Event::after).toList();
    }

    /** Whether {@code whole} holds every field of {@code part} with the same value. */
    private static boolean contains(JsonNode whole, JsonNode part) {
        if (whole == null || part == null || !whole.isObject() || !part.isObject()) {
            return whole != null && whole.equals(part);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = part.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().equals(whole.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
