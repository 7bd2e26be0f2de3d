package luoshi.api.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import luoshi.api.common.Page;
import luoshi.api.common.Requires;
import luoshi.api.common.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * API.md, "Reminders and webhooks": subscriptions that receive each new reminder of their region's
 * subtree, signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature v1).
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks", description = "Signed reminder deliveries (Standard Webhooks)")
public interface WebhooksApi {

    @POST
    @Requires(Role.ADMIN)
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to the reminders of a region's subtree (admin)",
            description = "The server generates the signing secret (whsec_…) and shows it this once. Outside the local "
                    + "and test profiles a URL resolving to a loopback, private or link-local address is refused.")
    @APIResponseSchema(value = CreatedWebhook.class, responseCode = "201", responseDescription = "Subscribed; the answer carries the secret")
    @APIResponse(responseCode = "400", description = "Invalid or refused url, or invalid regionCode")
    @APIResponse(responseCode = "404", description = "No such region (000000, the country, is always known)")
    RestResponse<CreatedWebhook> create(@Valid @NotNull NewWebhook webhook);

    @GET
    @Requires(Role.ADMIN)
    @Operation(operationId = "listWebhooks", summary = "The subscriptions (without their secrets)")
    Page<Webhook> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);

    @DELETE
    @Requires(Role.ADMIN)
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Unsubscribe; deliveries not yet made are dropped")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such webhook")
    void delete(@PathParam("id") String id);

    @GET
    @Requires(Role.ADMIN)
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log of a subscription, newest first")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "404", description = "No such webhook")
    Page<WebhookDelivery> deliveries(@PathParam("id") String id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size);
}
