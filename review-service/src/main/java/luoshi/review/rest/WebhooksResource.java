package luoshi.review.rest;

import luoshi.api.common.Page;
import luoshi.api.review.CreatedWebhook;
import luoshi.api.review.NewWebhook;
import luoshi.api.review.Webhook;
import luoshi.api.review.WebhookDelivery;
import luoshi.api.review.WebhooksApi;
import luoshi.review.service.Webhooks;
import luoshi.security.Access;
import org.jboss.resteasy.reactive.RestResponse;

/** Webhooks are an admin's, in its subtree: a subscription is read or deleted by an admin of its region. */
public class WebhooksResource implements WebhooksApi {

    private final Webhooks webhooks;
    private final Access access;
    private final KnownRegions regions;

    WebhooksResource(Webhooks webhooks, Access access, KnownRegions regions) {
        this.webhooks = webhooks;
        this.access = access;
        this.regions = regions;
    }

    @Override
    public RestResponse<CreatedWebhook> create(NewWebhook webhook) {
        regions.administer(webhook.regionCode());
        return RestResponse.status(RestResponse.Status.CREATED, webhooks.create(webhook));
    }

    @Override
    public Page<Webhook> list(int page, int size) {
        return webhooks.list(access.administerScope(null), page, size);
    }

    @Override
    public void delete(String id) {
        access.administer(webhooks.region(id));
        webhooks.delete(id);
    }

    @Override
    public Page<WebhookDelivery> deliveries(String id, int page, int size) {
        access.administer(webhooks.region(id));
        return webhooks.deliveries(id, page, size);
    }
}
