package luoshi.review.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import luoshi.api.review.Rectification;
import luoshi.api.review.RectificationEvent;

/**
 * The webhook events of rectifications (API.md, "Rectification"): {@code rectification.opened}, {@code .overdue} and
 * {@code .verified}, put in the outbox in the transaction that made them, signed and retried like reminders. Each
 * event has a stable id, a name-based UUID of the event and the rectification (its {@code webhook-id}); what makes it
 * happen once is the write that triggers it (a rectification inserted, an overdue claim, a verification).
 */
@ApplicationScoped
public class RectificationNotices {

    private final Outbox outbox;
    private final ObjectMapper json;

    RectificationNotices(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** The event {@code event} of each rectification, for every webhook whose region contains it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(String event, List<Rectification> rectifications, Instant now) {
        outbox.enqueue(rectifications.stream().map(r -> new Outbox.Event(eventId(event, r.id()), r.regionCode(),
                () -> payload(event, r))).toList(), now);
    }

    /** The id of {@code event} of the rectification {@code id}: the same whoever computes it. */
    public static String eventId(String event, String id) {
        return UUID.nameUUIDFromBytes((event + ":" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String payload(String event, Rectification r) {
        try {
            return json.writeValueAsString(RectificationEvent.of(event, r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a rectification event is always serialisable", e);
        }
    }
}
