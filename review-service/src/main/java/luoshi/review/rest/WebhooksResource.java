package luoshi.review.rest;

import luoshi.api.common.Page;
import luoshi.api.review.CreatedWebhook;
import luoshi.api.review.NewWebhook;
import luoshi.api.review.Webhook;
import luoshi.api.review.WebhookDelivery;
import luoshi.api.review.WebhooksApi;
import luoshi.review.service.Webhooks;
import org.jboss.resteasy.reactive.RestResponse;

/** Webhooks: an admin's, in its subtree; the rights are checked in {@link Webhooks}. */
public class WebhooksResource implements WebhooksApi {

    private final Webhooks webhooks;

    WebhooksResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public RestResponse<CreatedWebhook> create(NewWebhook webhook) {
        return RestResponse.status(RestResponse.Status.CREATED, webhooks.create(webhook));
    }

    @Override
    public Page<Webhook> list(int page, int size) {
        return webhooks.list(page, size);
    }

    @Override
    public void delete(String id) {
        webhooks.delete(id);
    }

    @Override
    public Page<WebhookDelivery> deliveries(String id, int page, int size) {
        return webhooks.deliveries(id, page, size);
    }
}
