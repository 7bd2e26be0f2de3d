package luoshi.review.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import luoshi.api.common.Page;
import luoshi.api.region.RegionCode;
import luoshi.api.review.CreatedWebhook;
import luoshi.api.review.NewWebhook;
import luoshi.api.review.Webhook;
import luoshi.api.review.WebhookDelivery;
import luoshi.audit.AuditTrail;
import luoshi.audit.AuditTrail.Action;
import luoshi.db.RetriedOnConflict;
import luoshi.platform.ProblemException;
import luoshi.review.store.DeliveryStore;
import luoshi.review.store.WebhookStore;
import luoshi.review.store.WebhookStore.StoredWebhook;
import luoshi.security.Access;

/**
 * The subscriptions and their delivery logs: an admin's, in its subtree (API.md, Security), a subscription read or
 * deleted by an admin of its region. Creations and deletions are audited without the secret, which only the creation's
 * answer shows.
 */
@ApplicationScoped
@Transactional
@RetriedOnConflict
public class Webhooks {

    private final WebhookStore webhooks;
    private final DeliveryStore deliveries;
    private final Clock clock;
    private final AuditTrail audit;
    private final WebhookTargets targets;
    private final Access access;
    private final KnownRegions regions;

    Webhooks(WebhookStore webhooks, DeliveryStore deliveries, WebhookTargets targets, Clock clock, AuditTrail audit,
            Access access, KnownRegions regions) {
        this.access = access;
        this.regions = regions;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.clock = clock;
        this.audit = audit;
        this.targets = targets;
    }

    public CreatedWebhook create(NewWebhook w) {
        regions.administer(w.regionCode());
        StoredWebhook e = new StoredWebhook(UUID.randomUUID().toString(), targets.check(w.url()).toString(), w.regionCode(),
                RegionCode.prefix(w.regionCode()), WebhookSignature.newSecret(), clock.instant());
        webhooks.insert(e);
        audit.record(Action.CREATE, "webhook", e.id(), e.regionCode(), null, e.toWebhook());
        return new CreatedWebhook(e.id(), e.url(), e.regionCode(), e.secret(), e.createdAt());
    }

    /** The subscriptions whose region lies in the caller's subtree. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Webhook> list(int page, int size) {
        return webhooks.page(access.administerScope(null), page, size);
    }

    public void delete(String id) {
        StoredWebhook e = webhook(id);
        access.administer(e.regionCode());
        webhooks.delete(id);
        audit.record(Action.DELETE, "webhook", e.id(), e.regionCode(), e.toWebhook(), null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WebhookDelivery> deliveries(String id, int page, int size) {
        access.administer(webhook(id).regionCode());
        return deliveries.page(id, page, size);
    }

    private StoredWebhook webhook(String id) {
        return webhooks.find(id).orElseThrow(() -> ProblemException.notFound("No webhook " + id + "."));
    }
}
