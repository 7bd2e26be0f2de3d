package luoshi.gateway.rest;

import luoshi.api.common.Page;
import luoshi.api.review.CreatedWebhook;
import luoshi.api.review.NewWebhook;
import luoshi.api.review.Webhook;
import luoshi.api.review.WebhookDelivery;
import luoshi.api.review.WebhooksApi;
import luoshi.gateway.client.Route;
import luoshi.gateway.client.Services;
import org.jboss.resteasy.reactive.RestResponse;

/** WebhooksApi of review-service, re-exposed: each call relayed as the service answers it (see {@link Route}). */
public class WebhooksRoutes implements WebhooksApi {

    private final Route<WebhooksApi> route;

    public WebhooksRoutes(Services services) {
        this.route = services.review().route(WebhooksApi.class);
    }

    @Override
    public RestResponse<CreatedWebhook> create(NewWebhook webhook) {
        return route.write(api -> api.create(webhook));
    }

    @Override
    public Page<Webhook> list(int page, int size) {
        return route.read(api -> api.list(page, size));
    }

    @Override
    public void delete(String id) {
        route.run(api -> api.delete(id));
    }

    @Override
    public Page<WebhookDelivery> deliveries(String id, int page, int size) {
        return route.read(api -> api.deliveries(id, page, size));
    }
}
