package luoshi.review.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import luoshi.api.review.Webhook;

@Entity
@Table(name = "webhook")
public class WebhookEntity extends PanacheEntityBase {

    @Id
    public String id;

    public String url;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "region_prefix")
    public String regionPrefix;

    public String secret;

    @Column(name = "created_at")
    public Instant createdAt;

    public Webhook toDto() {
        return new Webhook(id, url, regionCode, createdAt);
    }
}
