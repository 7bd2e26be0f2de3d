package luoshi.review.reminder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import luoshi.api.review.Reminder;
import luoshi.api.review.ReminderStage;

/** A reminder as the job stored it (inserted by {@link ReminderWriter}; read here). */
@Entity
@Table(name = "reminder")
public class ReminderEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "requirement_id")
    public String requirementId;

    @Column(name = "requirement_title")
    public String requirementTitle;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "region_name")
    public String regionName;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    public ReminderStage stage;

    @Column(name = "lead_days")
    public int leadDays;

    @Column(name = "created_at")
    public Instant createdAt;

    public Reminder toDto() {
        return new Reminder(id, requirementId, requirementTitle, regionCode, regionName, periodStart, periodEnd,
                dueDate, stage, stage == ReminderStage.OVERDUE ? null : leadDays, createdAt);
    }
}
