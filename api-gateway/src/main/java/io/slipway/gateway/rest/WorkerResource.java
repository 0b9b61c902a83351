package io.slipway.gateway.rest;

import io.slipway.contract.WorkerApi;
import io.slipway.contract.WorkerApi.Claim;
import io.slipway.contract.WorkerApi.ClaimRequest;
import io.slipway.gateway.leases.Claims;
import io.slipway.gateway.security.Roles;
import io.slipway.gateway.service.AppSetupMarks;
import io.slipway.gateway.service.BuildContexts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What engine workers ask the gateway ({@link WorkerApi}), with the worker token only: the API token does not open
 * these, nor the worker token the API.
 */
@RolesAllowed(Roles.WORKER)
@Path("/api/v1/worker/deployments")
@Tag(name = "Workers")
public class WorkerResource {

    private final Claims claims;
    private final BuildContexts contexts;
    private final AppSetupMarks setupMarks;

    public WorkerResource(Claims claims, BuildContexts contexts, AppSetupMarks setupMarks) {
        this.claims = claims;
        this.contexts = contexts;
        this.setupMarks = setupMarks;
    }

    @POST
    @Path("/{id}/claim")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "claimDeployment",
            summary = "Claim a deployment (workers only)",
            description = "GRANTED: run it now, it is this worker's; WAIT: an earlier deployment of the app has not"
                    + " ended, ask again; REFUSED: never run it (unknown, ended or claimed already)")
    @APIResponse(responseCode = "200", description = "The verdict")
    public Claim claim(@PathParam("id") String id, ClaimRequest request) {
        return claims.claim(id, request);
    }

    @POST
    @Path("/{id}/setup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "markSetup",
            summary = "Mark that a deployment runs its app's one-time setup task (workers only)",
            description = "Asked right before SETUP's task starts. GRANTED: the mark is stored as this deployment's,"
                    + " run the task; REFUSED: do not run it (it ran for the app, or the deployment is not this"
                    + " worker's or has ended)")
    @APIResponse(responseCode = "200", description = "The verdict")
    public Claim setup(@PathParam("id") String id, ClaimRequest request) {
        return setupMarks.mark(id, Claims.workerId(request));
    }

    @GET
    @Path("/{id}/context")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(
            operationId = "getBuildContext",
            summary = "The build context a deployment was uploaded with (workers only)",
            description = "As uploaded, a tar, plain or gzip; kept until the deployment ends")
    @APIResponse(responseCode = "200", description = "The build context, as uploaded")
    @APIResponse(responseCode = "404", description = "No such context (unknown, or the deployment has ended)")
    public Response context(@PathParam("id") String id) {
        return contexts.find(id)
                .map(context -> Response.ok(
                                (StreamingOutput) out -> context.copy().to(out))
                        .header(HttpHeaders.CONTENT_LENGTH, context.size())
                        .build())
                .orElseThrow(() -> new NotFoundException("no build context of deployment " + id));
    }
}
