package io.slipway.gateway.rest;

import io.slipway.gateway.AppView.ProcessView;
import io.slipway.gateway.security.Roles;
import io.slipway.gateway.service.FormationService;
import io.slipway.gateway.service.ProcessControl;
import io.slipway.gateway.service.StoredProcesses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The scale of an app's process types: applied now to a running release, else stored for its next deployment. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/apps/{app}/formation")
@Tag(name = "Apps")
@Produces(MediaType.APPLICATION_JSON)
public class FormationResource {

    private final FormationService formations;
    private final ProcessControl control;
    private final StoredProcesses processes;

    public FormationResource(FormationService formations, ProcessControl control, StoredProcesses processes) {
        this.formations = formations;
        this.control = control;
        this.processes = processes;
    }

    @GET
    @Operation(operationId = "getFormation", summary = "The scale requested per process type")
    @APIResponse(responseCode = "200", description = "The quantity per process type")
    @APIResponse(responseCode = "404", description = "No such app")
    public Map<String, Integer> get(@PathParam("app") String app) {
        return formations.of(app).orElseThrow(() -> NotFound.app(app));
    }

    @RolesAllowed(Roles.DEPLOYER)
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "scaleFormation",
            summary = "Scale process types, e.g. {\"web\": 2, \"worker\": 1}",
            description = "On an app whose current release runs, the types named are scaled now: 202 and a SCALE"
                    + " deployment (added containers are checked, then routed; removed ones leave the route first), or"
                    + " 200 when nothing changes; types not named keep their containers and stored quantity. Otherwise,"
                    + " and with ?deploy=false, the formation is replaced and applied at the next deployment; types not"
                    + " named then run at their default: app.json's formation, else web=1. `release` is the release"
                    + " task, not a process type: scaling it above 0 is refused.")
    @APIResponse(responseCode = "200", description = "The formation, stored; nothing runs differently now")
    @APIResponse(responseCode = "202", description = "The SCALE deployment that applies it, queued")
    @APIResponse(responseCode = "404", description = "No such app")
    @APIResponse(
            responseCode = "422",
            description = "An invalid process type or quantity, a quantity above slipway.max-processes-per-type"
                    + " (default 100), or release above 0")
    public Response scale(
            @PathParam("app") String app,
            @QueryParam("deploy") @DefaultValue("true") boolean deploy,
            Map<String, Integer> quantities,
            UriInfo uri) {
        if (!deploy || !control.runsRelease(app)) {
            return Response.ok(formations.scale(app, quantities).orElseThrow(() -> NotFound.app(app)))
                    .build();
        }
        Map<String, Long> running = processes.current().of(app).stream()
                .filter(process -> process.type() != null)
                .collect(Collectors.groupingBy(ProcessView::type, Collectors.counting()));
        FormationService.Scaled scaled =
                formations.scaleNamed(app, quantities, running).orElseThrow(() -> NotFound.app(app));
        if (!scaled.changes()) {
            return Response.ok(scaled.formation()).build();
        }
        return Accepted.deployment(control.scale(app, scaled.named()).orElseThrow(() -> NotFound.app(app)), uri);
    }
}
