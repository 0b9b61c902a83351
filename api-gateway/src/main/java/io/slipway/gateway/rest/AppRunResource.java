package io.slipway.gateway.rest;

import io.slipway.gateway.BadRunRequestException;
import io.slipway.gateway.PageRequest;
import io.slipway.gateway.RunRequest;
import io.slipway.gateway.RunView;
import io.slipway.gateway.repository.Run;
import io.slipway.gateway.security.Roles;
import io.slipway.gateway.service.RunService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An app's one-off runs: new ones, and the list. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/apps/{app}/runs")
@Tag(name = "Runs")
@Produces(MediaType.APPLICATION_JSON)
public class AppRunResource {

    private static final int RUNS_PER_PAGE = 50;

    private final RunService runs;

    public AppRunResource(RunService runs) {
        this.runs = runs;
    }

    @RolesAllowed(Roles.DEPLOYER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "startRun",
            summary = "Run a one-off command",
            description = "Runs the command in a new container of the app's current release image, with the app's"
                    + " config (and env, never stored), SLIPWAY_APP, SLIPWAY_RUN_ID, the app's task limits and no"
                    + " published port; a Procfile process name runs that entry's command. The container's changes"
                    + " are discarded and it is always removed. Runs never wait for the app's deployments.")
    @APIResponse(responseCode = "202", description = "The run, queued")
    @APIResponse(responseCode = "400", description = "A field out of its bounds, named in the problem")
    @APIResponse(responseCode = "404", description = "No such app")
    @APIResponse(responseCode = "409", description = "The app has no current release")
    public Response start(@PathParam("app") String app, RunRequest request, @Context UriInfo uri) {
        RunView run = runs.start(app, request, Run.API_TRIGGER).orElseThrow(() -> NotFound.app(app));
        return Response.accepted(run)
                .location(uri.getBaseUriBuilder()
                        .path("api/v1/runs")
                        .path(run.id())
                        .build())
                .build();
    }

    @GET
    @Operation(
            operationId = "listAppRuns",
            summary = "The app's runs, newest first",
            description = "A page of at most limit runs (default " + RUNS_PER_PAGE + "); when more follow,"
                    + " Link: <...>; rel=\"next\" names the next page (?before=<the last run's id>).")
    @APIResponse(
            responseCode = "200",
            description = "The page",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RunView.class)))
    @APIResponse(responseCode = "400", description = "limit not 1 to 500, or before no run of the app")
    @APIResponse(responseCode = "404", description = "No such app")
    public Response list(
            @PathParam("app") String app,
            @QueryParam(Paging.BEFORE) String before,
            @Parameter(description = "At most this many (1 to 500)", schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam(Paging.LIMIT)
                    String limit,
            @Context UriInfo uri) {
        PageRequest page = Paging.request(before, limit, RUNS_PER_PAGE);
        return Paging.ok(runs.ofApp(app, page).orElseThrow(() -> NotFound.app(app)), page, uri);
    }

    @ServerExceptionMapper
    public Response badRequest(BadRunRequestException e, HttpServerRequest request) {
        return Problem.of(Response.Status.BAD_REQUEST, e.getMessage(), Problem.instance(request))
                .toResponse();
    }
}
