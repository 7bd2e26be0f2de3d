package luoshi.api.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import luoshi.api.compliance.ItemOwner;
import java.time.LocalDate;

/**
 * The body POSTed to a webhook for each new reminder (API.md, Reminders and webhooks): the reminder
 * plus {@code "event":"reminder.created"}. Signed per the Standard Webhooks specification.
 */
@JsonPropertyOrder({"event", "id", "requirementId", "requirementTitle", "regionCode", "regionName",
        "periodStart", "periodEnd", "dueDate", "stage", "daysBefore", "createdAt", "owner"})
public record ReminderEvent(String event, String id, String requirementId, String requirementTitle,
        String regionCode, String regionName, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate,
        ReminderStage stage, @JsonInclude(JsonInclude.Include.ALWAYS) Integer daysBefore, Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) ItemOwner owner) {

    public static final String CREATED = "reminder.created";

    public static ReminderEvent created(Reminder r) {
        return new ReminderEvent(CREATED, r.id(), r.requirementId(), r.requirementTitle(), r.regionCode(),
                r.regionName(), r.periodStart(), r.periodEnd(), r.dueDate(), r.stage(), r.daysBefore(), r.createdAt(), r.owner());
    }
}
