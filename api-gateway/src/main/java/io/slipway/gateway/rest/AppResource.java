package io.slipway.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.slipway.gateway.AppSettings;
import io.slipway.gateway.AppView;
import io.slipway.gateway.InvalidRequestException;
import io.slipway.gateway.PageRequest;
import io.slipway.gateway.security.Caller;
import io.slipway.gateway.security.EveryApp;
import io.slipway.gateway.security.Roles;
import io.slipway.gateway.service.AppDeletion;
import io.slipway.gateway.service.AppService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/apps")
@Tag(name = "Apps")
@Produces(MediaType.APPLICATION_JSON)
public class AppResource {

    /** As many as the list showed before it had pages, so that no client that reads only the first page misses one. */
    private static final int APPS_PER_PAGE = PageRequest.MAX_LIMIT;

    private final AppService apps;
    private final AppListAnswers answers;
    private final AppDeletion deletion;
    private final ObjectMapper json;
    private final SecurityIdentity identity;

    public AppResource(
            AppService apps,
            AppListAnswers answers,
            AppDeletion deletion,
            ObjectMapper json,
            SecurityIdentity identity) {
        this.identity = identity;
        this.apps = apps;
        this.answers = answers;
        this.deletion = deletion;
        this.json = json;
    }

    /** @param pool the pool of engine workers; null for the default */
    public record CreateApp(String name, String pool) {}

    @RolesAllowed(Roles.ADMIN)
    @EveryApp
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createApp",
            summary = "Create an app",
            description = "The name is a DNS label: [a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?; so is the pool, which"
                    + " defaults to SLIPWAY_DEFAULT_POOL (embedded: only 'default')")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The name is taken")
    @APIResponse(responseCode = "422", description = "Not a valid app or pool name")
    public Response create(CreateApp request, UriInfo uri) {
        AppView app = apps.create(request == null ? null : request.name(), request == null ? null : request.pool());
        return Response.created(uri.getAbsolutePathBuilder().path(app.name()).build())
                .entity(app)
                .build();
    }

    @GET
    @Operation(
            operationId = "listApps",
            summary = "List the apps, newest first",
            description = "Each with its current release, latest deployment and process containers. A page of at"
                    + " most limit apps (default " + APPS_PER_PAGE + "); when more follow, Link: <...>; rel=\"next\""
                    + " names the next page (?before=<the last app's name>).")
    @APIResponse(
            responseCode = "200",
            description = "The page",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AppView.class)))
    @APIResponse(responseCode = "400", description = "limit not 1 to 500, or before no app of the list")
    public Response list(
            @QueryParam(Paging.BEFORE) String before, @QueryParam(Paging.LIMIT) String limit, UriInfo uri) {
        PageRequest page = Paging.request(before, limit, APPS_PER_PAGE);
        // A token limited to apps lists only those: the others are absent to it.
        Optional<Caller> limited = Caller.of(identity).filter(Caller::limitedToApps);
        if (limited.isEmpty()) {
            AppListAnswers.WrittenPage written = answers.everyApp(page);
            return Paging.ok(written.items(), written.nextBefore(), page, uri);
        }
        return Paging.ok(apps.list(apps.listSource(), page, limited.get()::reaches), page, uri);
    }

    @GET
    @Path("/{app}")
    @Operation(operationId = "getApp", summary = "One app: current release, process containers and their state")
    @APIResponse(responseCode = "200", description = "The app")
    @APIResponse(responseCode = "404", description = "No such app")
    public AppView get(@PathParam("app") String app) {
        return apps.find(app).orElseThrow(() -> NotFound.app(app));
    }

    @RolesAllowed(Roles.ADMIN)
    @PATCH
    @Path("/{app}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "changeAppSettings",
            summary = "Change the app's settings, e.g. {\"taskTimeoutSeconds\": 120}",
            description = "Only the settings named change. taskTimeoutSeconds is the default timeout of each task of"
                    + " the app's deployments (null: the engine's default); a deploy request's own taskTimeoutSeconds"
                    + " overrides it. limits: {\"task\": {\"memory\": \"256m\", \"cpus\": 0.5}, \"processes\":"
                    + " {\"web\": {\"memory\": \"512m\", \"cpus\": 1}}} (null: none). A task killed for memory fails"
                    + " its phase with reason \"out of memory\". network: a network the app shares with other apps"
                    + " that name it, instead of its own (null: its own). Applies from the next deployment on.")
    @APIResponse(responseCode = "200", description = "The app with its settings now")
    @APIResponse(responseCode = "404", description = "No such app")
    @APIResponse(
            responseCode = "422",
            description = "Not 1 to 86400 seconds, limits out of bounds, or limits the engine cannot enforce")
    public AppView changeSettings(@PathParam("app") String app, JsonNode body) throws JsonProcessingException {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException(
                    "a JSON object of settings is required, e.g. {\"taskTimeoutSeconds\": 120}");
        }
        // A merge: settings the body does not name stay as they are.
        Set<String> given = new HashSet<>();
        body.fieldNames().forEachRemaining(given::add);
        return apps.changeSettings(app, json.treeToValue(body, AppSettings.class), given)
                .orElseThrow(() -> NotFound.app(app));
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("/{app}")
    @Operation(
            operationId = "deleteApp",
            summary = "Delete an app",
            description = "The app is gone from the API at once (its name is taken until its deletion finished): its"
                    + " queued and running deployments are cancelled, its containers and the images Slipway made for"
                    + " it removed, its deployments forgotten. 204 when all that was done within"
                    + " SLIPWAY_GATEWAY_APP_DELETION_WAIT; else 202, and the rest goes on.")
    @APIResponse(responseCode = "204", description = "Deleted: its containers are gone and its rows forgotten")
    @APIResponse(
            responseCode = "202",
            description = "Gone from the API; the engine is still removing its containers, or its rows are still being"
                    + " forgotten: {app, status: \"deleting\", detail}")
    @APIResponse(responseCode = "404", description = "No such app")
    @APIResponse(responseCode = "503", description = "The engine's channel refused the deletion: the app is unchanged")
    public Response delete(@PathParam("app") String app) {
        return switch (deletion.delete(app)) {
            case NO_SUCH_APP -> throw NotFound.app(app);
            case DELETED -> Response.noContent().build();
            case CONTINUES ->
                Response.accepted(new DeletionContinues(
                                app,
                                "deleting",
                                "the app is gone from the API; the engine is still stopping and removing its containers,"
                                        + " or its deployments are still being forgotten, and its name is free once that"
                                        + " is done"))
                        .build();
        };
    }

    /** The answer of a deletion that goes on after it. */
    public record DeletionContinues(String app, String status, String detail) {}
}
