package io.slipway.gateway.rest;

import io.slipway.gateway.security.Roles;
import io.slipway.gateway.service.FormationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The scale of an app's process types: stored now, applied at its next deployment. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/apps/{app}/formation")
@Tag(name = "Apps")
@Produces(MediaType.APPLICATION_JSON)
public class FormationResource {

    private final FormationService formations;

    public FormationResource(FormationService formations) {
        this.formations = formations;
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
            description = "Replaces the stored formation. It is stored and applied at the app's next deployment, not"
                    + " to the containers running now. Types not named run at their default: app.json's formation,"
                    + " else web=1. `release` is the release task, not a process type: scaling it above 0 is refused.")
    @APIResponse(responseCode = "200", description = "The formation now")
    @APIResponse(responseCode = "404", description = "No such app")
    @APIResponse(
            responseCode = "422",
            description = "An invalid process type or quantity, a quantity above slipway.max-processes-per-type"
                    + " (default 100), or release above 0")
    public Map<String, Integer> scale(@PathParam("app") String app, Map<String, Integer> quantities) {
        return formations.scale(app, quantities).orElseThrow(() -> NotFound.app(app));
    }
}
