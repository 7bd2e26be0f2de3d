package luoshi.api.review;

/** API.md, Reminders: before the due date (with {@code daysBefore}) or once it has passed. */
public enum ReminderStage {
    UPCOMING, OVERDUE
}
