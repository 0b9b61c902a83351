package io.slipway.gateway.rest;

import io.slipway.gateway.InvalidRequestException;
import io.slipway.gateway.security.Roles;
import io.slipway.gateway.service.DeploymentService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(Roles.DEPLOYER)
@Path("/api/v1/apps/{app}/rollback")
@Tag(name = "Deployments")
@Produces(MediaType.APPLICATION_JSON)
public class RollbackResource {

    private final DeploymentService deployments;

    public RollbackResource(DeploymentService deployments) {
        this.deployments = deployments;
    }

    /** @param release the id of the successful deployment whose release image should run again */
    public record Rollback(String release) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "rollbackApp",
            summary = "Roll back to an earlier release",
            description = "{\"release\": id} names a successful deployment of the app; its release image runs again"
                    + " through RELEASE, DEPLOY and POSTDEPLOY, with its manifests and the app's current config")
    @APIResponse(responseCode = "202", description = "The rollback deployment, queued")
    @APIResponse(responseCode = "404", description = "No such app")
    @APIResponse(responseCode = "422", description = "release is not a successful deployment of this app")
    public Response rollback(@PathParam("app") String app, Rollback request, UriInfo uri) {
        if (request == null || request.release() == null) {
            throw new InvalidRequestException("release: the id of a successful deployment is required");
        }
        return Accepted.deployment(
                deployments.rollback(app, request.release()).orElseThrow(() -> NotFound.app(app)), uri);
    }
}
