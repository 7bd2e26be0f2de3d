package luoshi.api.review;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The result of a reminder run: {@code {"created":n}}. {@code incomplete} names each service whose
 * open items could not be read (their reminders come with the next run).
 */
public record ReminderRun(@Schema(example = "12") int created, @Schema(example = "[]") List<String> incomplete) {
}
