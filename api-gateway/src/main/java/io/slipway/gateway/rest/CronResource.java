package io.slipway.gateway.rest;

import io.slipway.gateway.CronEntryChange;
import io.slipway.gateway.CronEntryView;
import io.slipway.gateway.InvalidFieldException;
import io.slipway.gateway.RunView;
import io.slipway.gateway.cron.CronEntries;
import io.slipway.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An app's app.json cron entries (Dokku's {@code cron:list}, {@code cron:run}, {@code cron:suspend}/{@code resume}). */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/apps/{app}/cron")
@Tag(name = "Cron")
@Produces(MediaType.APPLICATION_JSON)
public class CronResource {

    private final CronEntries cron;

    public CronResource(CronEntries cron) {
        this.cron = cron;
    }

    @GET
    @Operation(
            operationId = "listCronEntries",
            summary = "The app's cron entries",
            description = "The entries of the app.json of the app's current release, in its order. nextRunAt is the"
                    + " next firing (UTC), null while suspended; lastRun the entry's latest run, or null.")
    @APIResponse(
            responseCode = "200",
            description = "The entries",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CronEntryView.class)))
    @APIResponse(responseCode = "404", description = "No such app")
    public List<CronEntryView> list(@PathParam("app") String app) {
        return cron.ofApp(app, Instant.now()).orElseThrow(() -> NotFound.app(app));
    }

    @RolesAllowed(Roles.DEPLOYER)
    @POST
    @Path("/{id}/run")
    @Operation(
            operationId = "runCronEntry",
            summary = "Run a cron entry now",
            description = "Runs the entry's command as a one-off run with the trigger cron:<id>, whatever its schedule"
                    + " and suspension.")
    @APIResponse(responseCode = "202", description = "The run, queued")
    @APIResponse(responseCode = "404", description = "No such app, or no such entry in it")
    @APIResponse(responseCode = "409", description = "The app has no current release")
    public Response run(@PathParam("app") String app, @PathParam("id") String id, @Context UriInfo uri) {
        RunView run = cron.runNow(app, id).orElseThrow(() -> NotFound.cronEntry(app, id));
        return Response.accepted(run)
                .location(uri.getBaseUriBuilder()
                        .path("api/v1/runs")
                        .path(run.id())
                        .build())
                .build();
    }

    @RolesAllowed(Roles.DEPLOYER)
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "changeCronEntry",
            summary = "Suspend or resume a cron entry",
            description = "{\"suspended\": true} stops its firings until {\"suspended\": false}; a later release that"
                    + " keeps the entry (the same command and schedule) keeps its suspension.")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "400", description = "suspended missing or not a boolean")
    @APIResponse(responseCode = "404", description = "No such app, or no such entry in it")
    public CronEntryView change(@PathParam("app") String app, @PathParam("id") String id, CronEntryChange change) {
        if (change == null || change.suspended() == null) {
            throw new InvalidFieldException("suspended", "required: true or false");
        }
        return cron.suspend(app, id, change.suspended(), Instant.now()).orElseThrow(() -> NotFound.cronEntry(app, id));
    }
}
