package io.slipway.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.gateway.AppSettings;
import io.slipway.gateway.AppView;
import io.slipway.gateway.InvalidRequestException;
import io.slipway.gateway.security.Roles;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(Roles.OPERATOR)
@Path("/api/v1/apps")
@Tag(name = "Apps")
@Produces(MediaType.APPLICATION_JSON)
public class AppResource {

    private final AppService apps;
    private final ObjectMapper json;

    public AppResource(AppService apps, ObjectMapper json) {
        this.apps = apps;
        this.json = json;
    }

    /** @param pool the pool of engine workers; null for the default */
    public record CreateApp(String name, String pool) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
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
            summary = "List the apps, newest first",
            description = "Each with its current release, latest deployment and process containers")
    public List<AppView> list() {
        return apps.list();
    }

    @GET
    @Path("/{app}")
    @Operation(summary = "One app: current release, process containers and their state")
    @APIResponse(responseCode = "404", description = "No such app")
    public AppView get(@PathParam("app") String app) {
        return apps.find(app).orElseThrow(() -> NotFound.app(app));
    }

    @PATCH
    @Path("/{app}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change the app's settings, e.g. {\"taskTimeoutSeconds\": 120}",
            description = "Only the settings named change. taskTimeoutSeconds is the default timeout of each task of"
                    + " the app's deployments (null: the engine's default); a deploy request's own taskTimeoutSeconds"
                    + " overrides it. limits: {\"task\": {\"memory\": \"256m\", \"cpus\": 0.5}, \"processes\":"
                    + " {\"web\": {\"memory\": \"512m\", \"cpus\": 1}}} (null: none). A task killed for memory fails"
                    + " its phase with reason \"out of memory\". Applies from the next deployment on.")
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

    @DELETE
    @Path("/{app}")
    @Operation(
            summary = "Delete an app",
            description = "Cancels its queued and running deployments, stops and removes its containers and the images"
                    + " Slipway made for it, and forgets its deployments")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such app")
    public Response delete(@PathParam("app") String app) {
        if (!apps.delete(app)) {
            throw NotFound.app(app);
        }
        return Response.noContent().build();
    }
}
