package io.slipway.gateway.rest;

import io.slipway.gateway.PageRequest;
import io.slipway.gateway.security.Roles;
import io.slipway.gateway.webhook.WebhookService;
import io.slipway.gateway.webhook.WebhookService.DeliveryView;
import io.slipway.gateway.webhook.WebhookService.NewWebhook;
import io.slipway.gateway.webhook.WebhookService.WebhookView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** URLs that receive an app's deployment events, signed; and what became of each delivery. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/apps/{app}/webhooks")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    /** What the deliveries list showed before it had pages. */
    private static final int PER_PAGE = 100;

    private final WebhookService webhooks;

    public WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "addWebhook",
            summary = "Add a webhook, e.g. {\"url\": \"https://chat.example/hook\", \"secret\": \"...\"}",
            description = "Each delivery is a JSON POST with Slipway-Event, Slipway-Delivery and Slipway-Signature"
                    + " (t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" under the secret>). events: any of"
                    + " deployment.started, deployment.phase_failed, deployment.finished; all when absent. The secret is"
                    + " never returned.")
    @APIResponse(responseCode = "201", description = "Created: {id, url, events}")
    @APIResponse(responseCode = "404", description = "No such app")
    @APIResponse(
            responseCode = "422",
            description = "Not an http(s) URL of at most 2048 characters, a host that is localhost or a loopback,"
                    + " private or other non-public literal address (unless SLIPWAY_WEBHOOK_ALLOW_PRIVATE=true), no"
                    + " secret (at most 256), an unknown event, or more than 10 webhooks")
    public Response create(@PathParam("app") String app, NewWebhook request, UriInfo uri) {
        WebhookView webhook = webhooks.create(app, request).orElseThrow(() -> NotFound.app(app));
        return Response.created(uri.getAbsolutePathBuilder().path(webhook.id()).build())
                .entity(webhook)
                .build();
    }

    @GET
    @Operation(
            operationId = "listWebhooks",
            summary = "The app's webhooks, newest first (without their secrets)",
            description = "A page of at most limit webhooks (default " + PER_PAGE + "); when more follow, Link: <...>;"
                    + " rel=\"next\" names the next page (?before=<the last webhook's id>).")
    @APIResponse(
            responseCode = "200",
            description = "The page",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "limit not 1 to 500, or before no webhook of the app")
    @APIResponse(responseCode = "404", description = "No such app")
    public Response list(
            @PathParam("app") String app,
            @QueryParam(Paging.BEFORE) String before,
            @QueryParam(Paging.LIMIT) String limit,
            UriInfo uri) {
        PageRequest page = Paging.request(before, limit, PER_PAGE);
        return Paging.ok(webhooks.list(app, page).orElseThrow(() -> NotFound.app(app)), page, uri);
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "removeWebhook", summary = "Remove a webhook and its deliveries")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such app or webhook")
    public Response delete(@PathParam("app") String app, @PathParam("id") String id) {
        if (!webhooks.delete(app, id)) {
            throw notFound(app, id);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "The webhook's deliveries, newest first, each with every attempt",
            description = "A page of at most limit deliveries (default " + PER_PAGE + "); when more follow, Link:"
                    + " <...>; rel=\"next\" names the next page (?before=<the last delivery's id>).")
    @APIResponse(
            responseCode = "200",
            description = "The page",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)))
    @APIResponse(responseCode = "400", description = "limit not 1 to 500, or before no delivery of the webhook")
    @APIResponse(responseCode = "404", description = "No such app or webhook")
    public Response deliveries(
            @PathParam("app") String app,
            @PathParam("id") String id,
            @QueryParam(Paging.BEFORE) String before,
            @QueryParam(Paging.LIMIT) String limit,
            UriInfo uri) {
        PageRequest page = Paging.request(before, limit, PER_PAGE);
        return Paging.ok(webhooks.deliveries(app, id, page).orElseThrow(() -> notFound(app, id)), page, uri);
    }

    private static NotFoundException notFound(String app, String id) {
        return new NotFoundException("app " + app + " has no webhook " + id);
    }
}
