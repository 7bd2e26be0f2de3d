package luoshi.api.review;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The result of a reminder run: {@code {"created":n}}. {@code incomplete} names each service whose
 * open items could not be read (their reminders come with the next run). {@code rectificationsOpened} counts the
 * rectifications it opened for NON_COMPLIANT items, {@code rectificationsOverdue} the rectification.overdue events it
 * sent (API.md, "Rectification").
 */
public record ReminderRun(@Schema(example = "12") int created, @Schema(example = "[]") List<String> incomplete,
        @Schema(example = "3") int rectificationsOpened, @Schema(example = "1") int rectificationsOverdue) {

    public ReminderRun(int created, List<String> incomplete) {
        this(created, incomplete, 0, 0);
    }
}
