package luoshi.review.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import luoshi.api.review.DeliveryStatus;
import luoshi.api.review.WebhookDelivery;

/** An outbox row, read for the delivery log (written by {@link Outbox} with SQL). */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDeliveryEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "webhook_id")
    public String webhookId;

    @Column(name = "reminder_id")
    public String reminderId;

    @Column(columnDefinition = "TEXT")
    public String payload;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "claim_token")
    public String claimToken;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "created_at")
    public Instant createdAt;

    public WebhookDelivery toDto() {
        return new WebhookDelivery(id, reminderId, status, attempts, lastStatusCode, lastError, lastAttemptAt,
                status == DeliveryStatus.PENDING ? nextAttemptAt : null, deliveredAt, createdAt);
    }
}
