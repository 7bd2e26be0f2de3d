package luoshi.review.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import luoshi.api.common.Page;
import luoshi.api.common.ProblemException;
import luoshi.api.region.RegionCode;
import luoshi.api.review.CreatedWebhook;
import luoshi.api.review.NewWebhook;
import luoshi.api.review.Webhook;
import luoshi.api.review.WebhookDelivery;
import luoshi.review.committee.Filters;

/** The subscriptions and their delivery logs. */
@ApplicationScoped
@Transactional
public class Webhooks {

    @Inject
    WebhookConfig config;

    @Inject
    Clock clock;

    private WebhookTargets targets;

    @PostConstruct
    void init() {
        targets = WebhookTargets.resolvingWithDns(config.allowPrivateTargets());
    }

    public CreatedWebhook create(NewWebhook w) {
        WebhookEntity e = new WebhookEntity();
        e.id = UUID.randomUUID().toString();
        e.url = targets.check(w.url()).toString();
        e.regionCode = w.regionCode();
        e.regionPrefix = RegionCode.prefix(w.regionCode());
        e.secret = WebhookSignature.newSecret();
        e.createdAt = clock.instant();
        e.persist();
        return new CreatedWebhook(e.id, e.url, e.regionCode, e.secret, e.createdAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Webhook> list(int page, int size) {
        return new Filters().page(WebhookEntity.class, "createdAt, id", page, size, WebhookEntity::toDto);
    }

    public void delete(String id) {
        if (!WebhookEntity.deleteById(id)) {
            throw ProblemException.notFound("No webhook " + id + ".");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WebhookDelivery> deliveries(String id, int page, int size) {
        if (WebhookEntity.findById(id) == null) {
            throw ProblemException.notFound("No webhook " + id + ".");
        }
        return new Filters().with("webhookId = :webhook", "webhook", id)
                .page(WebhookDeliveryEntity.class, "createdAt desc, id", page, size, WebhookDeliveryEntity::toDto);
    }
}
