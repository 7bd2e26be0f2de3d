package luoshi.api.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import luoshi.api.compliance.ItemOwner;

/**
 * The body POSTed to a webhook when a rectification opens, falls overdue or is verified (API.md, "Rectification"):
 * the rectification without its history, plus {@code event}; signed like reminders, {@code webhook-id} being the
 * event's own id (the same on every retry).
 */
@JsonPropertyOrder({"event", "id", "requirementId", "regionCode", "periodStart", "periodEnd", "dueDate", "description", "status",
        "owner", "expected", "actual", "version"})
public record RectificationEvent(String event, String id, String requirementId, String regionCode,
        LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, String description, RectificationStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) ItemOwner owner, String expected, String actual, long version) {

    public static final String OPENED = "rectification.opened";
    public static final String OVERDUE = "rectification.overdue";
    public static final String VERIFIED = "rectification.verified";

    public static RectificationEvent of(String event, Rectification r) {
        return new RectificationEvent(event, r.id(), r.requirementId(), r.regionCode(), r.periodStart(), r.periodEnd(), r.dueDate(),
                r.description(), r.status(), r.owner(), r.expected(), r.actual(), r.version());
    }
}
