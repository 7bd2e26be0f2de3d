package luoshi.review.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import luoshi.api.common.Page;
import luoshi.platform.ProblemException;
import luoshi.api.region.RegionCode;
import luoshi.api.review.CreatedWebhook;
import luoshi.api.review.NewWebhook;
import luoshi.api.review.Webhook;
import luoshi.api.review.WebhookDelivery;
import luoshi.audit.AuditTrail;
import luoshi.audit.AuditTrail.Action;
import luoshi.review.committee.Filters;

/**
 * The subscriptions and their delivery logs. Creations and deletions are audited without the secret,
 * which only the creation's answer shows.
 */
@ApplicationScoped
@Transactional
public class Webhooks {

    @Inject
    WebhookConfig config;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

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
        audit.record(Action.CREATE, "webhook", e.id, e.regionCode, null, e.toDto());
        return new CreatedWebhook(e.id, e.url, e.regionCode, e.secret, e.createdAt);
    }

    /** The subscriptions whose region lies in {@code scope}'s subtree. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Webhook> list(String scope, int page, int size) {
        return new Filters().inSubtree(scope).page(WebhookEntity.class, "createdAt, id", page, size, WebhookEntity::toDto);
    }

    /** The region of a subscription, for the access check before it is read or deleted; 404 when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String region(String id) {
        return webhook(id).regionCode;
    }

    public void delete(String id) {
        WebhookEntity e = webhook(id);
        e.delete();
        audit.record(Action.DELETE, "webhook", e.id, e.regionCode, e.toDto(), null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WebhookDelivery> deliveries(String id, int page, int size) {
        webhook(id);
        return new Filters().with("webhookId = :webhook", "webhook", id)
                .page(WebhookDeliveryEntity.class, "createdAt desc, id", page, size, WebhookDeliveryEntity::toDto);
    }

    private static WebhookEntity webhook(String id) {
        WebhookEntity e = WebhookEntity.findById(id);
        if (e == null) {
            throw ProblemException.notFound("No webhook " + id + ".");
        }
        return e;
    }
}
