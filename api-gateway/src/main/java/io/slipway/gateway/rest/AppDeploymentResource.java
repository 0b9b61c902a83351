package io.slipway.gateway.rest;

import io.slipway.gateway.DeploymentView;
import io.slipway.gateway.ImageDeploymentRequest;
import io.slipway.gateway.InvalidRequestException;
import io.slipway.gateway.PageRequest;
import io.slipway.gateway.TaskTimeout;
import io.slipway.gateway.security.Roles;
import io.slipway.gateway.service.DeploymentService;
import io.slipway.gateway.service.DryRuns;
import io.slipway.manifest.ManifestException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An app's deployments: new ones from an image or a build context, and the list. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/apps/{app}/deployments")
@Tag(name = "Deployments")
@Produces(MediaType.APPLICATION_JSON)
public class AppDeploymentResource {

    private static final String TAR = "application/x-tar";
    private static final String GZIP = "application/gzip";
    private static final String LEGACY_GZIP = "application/x-gzip";
    private static final int DEPLOYMENTS_PER_PAGE = 50;

    private final DeploymentService deployments;
    private final DryRuns dryRuns;

    public AppDeploymentResource(DeploymentService deployments, DryRuns dryRuns) {
        this.deployments = deployments;
        this.dryRuns = dryRuns;
    }

    @RolesAllowed(Roles.DEPLOYER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "deployImage",
            summary = "Deploy an image",
            description = "Queues a deployment of an existing image, with the app's current config and formation."
                    + " Its manifests are read from the image's working directory (or the paths given). With"
                    + " \"dryRun\": true it answers 200 with the plan instead: the phases, each task's and process's"
                    + " container command, the health checks, app.json's env by name, warnings and errors; nothing is"
                    + " stored, and no container is started.")
    @APIResponse(responseCode = "200", description = "The plan of a dry run")
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "404", description = "No such app")
    @APIResponse(
            responseCode = "422",
            description = "No image, or an invalid field; for a dry run also an absent image or invalid manifests")
    public Response deployImage(@PathParam("app") String app, ImageDeploymentRequest request, UriInfo uri)
            throws ManifestException {
        if (request == null) {
            throw new InvalidRequestException("a JSON body {\"image\": ...} is required");
        }
        if (request.isDryRun()) {
            return Response.ok(dryRuns.ofImage(app, request).orElseThrow(() -> NotFound.app(app)))
                    .build();
        }
        return Accepted.deployment(deployments.deployImage(app, request).orElseThrow(() -> NotFound.app(app)), uri);
    }

    @RolesAllowed(Roles.DEPLOYER)
    @POST
    @Consumes({TAR, GZIP, LEGACY_GZIP})
    @Operation(
            operationId = "deployBuildContext",
            summary = "Deploy a build context",
            description = "The body is a tar (optionally gzip-compressed) with a Dockerfile at its root; app.json and"
                    + " the Procfile are read from its root before the build. Its size is limited by"
                    + " slipway.gateway.max-upload-size (default 512M).")
    @APIResponse(responseCode = "202", description = "Queued")
    @APIResponse(responseCode = "400", description = "taskTimeoutSeconds is not a number")
    @APIResponse(responseCode = "404", description = "No such app")
    @APIResponse(
            responseCode = "413",
            description = "The body is larger than the upload limit, or unpacks to more than"
                    + " slipway.gateway.max-context-unpacked-size (default 2G)")
    @APIResponse(responseCode = "415", description = "Neither JSON, a tar nor gzip")
    @APIResponse(
            responseCode = "422",
            description = "Not a tar (plain or gzip), no Dockerfile at its root, or taskTimeoutSeconds out of range")
    public Response deployContext(
            @PathParam("app") String app,
            @Parameter(
                            description = "The timeout of each task of this deployment, 1 to 86400 s; default the"
                                    + " app's, else the engine's",
                            schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam("taskTimeoutSeconds")
                    String taskTimeoutSeconds,
            @Parameter(description = "true: answer 200 with what the deployment would do (the context is not built)")
                    @QueryParam("dryRun")
                    boolean dryRun,
            InputStream context,
            UriInfo uri)
            throws IOException, ManifestException {
        // Checked before the body is stored.
        Optional<Duration> taskTimeout =
                TaskTimeout.ofSeconds(QueryNumbers.wholeNumber("taskTimeoutSeconds", taskTimeoutSeconds)
                        .orElse(null));
        if (dryRun) {
            return Response.ok(dryRuns.ofContext(app, context).orElseThrow(() -> NotFound.app(app)))
                    .build();
        }
        return Accepted.deployment(
                deployments.deployContext(app, context, taskTimeout).orElseThrow(() -> NotFound.app(app)), uri);
    }

    @GET
    @Operation(
            operationId = "listAppDeployments",
            summary = "The app's deployments, newest first",
            description = "A page of at most limit deployments (default " + DEPLOYMENTS_PER_PAGE + "); when more"
                    + " follow, Link: <...>; rel=\"next\" names the next page (?before=<the last deployment's id>).")
    @APIResponse(
            responseCode = "200",
            description = "The page",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeploymentView.class)))
    @APIResponse(responseCode = "400", description = "limit not 1 to 500, or before no deployment of the app")
    @APIResponse(responseCode = "404", description = "No such app")
    public Response list(
            @PathParam("app") String app,
            @QueryParam(Paging.BEFORE) String before,
            @Parameter(description = "At most this many (1 to 500)", schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam(Paging.LIMIT)
                    String limit,
            UriInfo uri) {
        PageRequest page = Paging.request(before, limit, DEPLOYMENTS_PER_PAGE);
        return Paging.ok(deployments.ofApp(app, page).orElseThrow(() -> NotFound.app(app)), page, uri);
    }
}
