package luoshi.review.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import luoshi.api.review.ReminderStage;

/**
 * Which stage an open item has reached on a date (REQUIREMENTS.md, Reminders): before the due
 * date only the nearest lead time reached (the smallest lead time ≥ the days left), so that a first
 * run 5 days before the due date creates the 7-day reminder and no stale 90- or 30-day one; after
 * it OVERDUE, but only inside the window, so that a first run on old data floods no one.
 */
public final class ReminderStages {

    /** A stage: UPCOMING with its lead time, or OVERDUE (lead 0). */
    public record Stage(ReminderStage stage, int leadDays) {
    }

    private final List<Integer> leadDays;
    private final int overdueWindowDays;

    public ReminderStages(List<Integer> leadDays, int overdueWindowDays) {
        this.leadDays = leadDays.stream().sorted().toList();
        this.overdueWindowDays = overdueWindowDays;
    }

    public Optional<Stage> reached(LocalDate dueDate, LocalDate asOf) {
        long daysLeft = ChronoUnit.DAYS.between(asOf, dueDate);
        if (daysLeft < 0) {
            return -daysLeft <= overdueWindowDays ? Optional.of(new Stage(ReminderStage.OVERDUE, 0)) : Optional.empty();
        }
        return leadDays.stream().filter(lead -> lead >= daysLeft).findFirst()
                .map(lead -> new Stage(ReminderStage.UPCOMING, lead));
    }

    /** The earliest due date that can still have a stage on {@code asOf}. */
    public LocalDate earliestDue(LocalDate asOf) {
        return asOf.minusDays(overdueWindowDays);
    }

    /** The latest due date that has reached a stage on {@code asOf}. */
    public LocalDate latestDue(LocalDate asOf) {
        return asOf.plusDays(leadDays.isEmpty() ? 0 : leadDays.get(leadDays.size() - 1));
    }
}
