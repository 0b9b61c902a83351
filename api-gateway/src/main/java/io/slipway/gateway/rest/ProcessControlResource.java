package io.slipway.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.gateway.InvalidRequestException;
import io.slipway.gateway.security.Roles;
import io.slipway.gateway.service.ProcessControl;
import io.slipway.manifest.ProcessTypes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Restart, stop and start an app's processes: each a deployment of its own kind in the app's lane. */
@RolesAllowed(Roles.DEPLOYER)
@Path("/api/v1/apps/{app}")
@Tag(name = "Deployments")
@Produces(MediaType.APPLICATION_JSON)
public class ProcessControlResource {

    /** A restart's body is optional: at most {"type": "..."}, far below this. */
    private static final int MAX_RESTART_BODY = 4096;

    private final ProcessControl control;
    private final ObjectMapper json;

    public ProcessControlResource(ProcessControl control, ObjectMapper json) {
        this.control = control;
        this.json = json;
    }

    @POST
    @Path("/restart")
    @Operation(
            operationId = "restartApp",
            summary = "Restart the app's processes",
            description = "A RESTART deployment: new containers of the current release image replace the running"
                    + " ones (of {\"type\"} only, when given): start, checks, switch, POSTDEPLOY, retire. No PREDEPLOY"
                    + " or RELEASE.")
    @APIResponse(responseCode = "202", description = "The restart, queued")
    @APIResponse(responseCode = "404", description = "No such app")
    @APIResponse(responseCode = "409", description = "The app has no release yet")
    @APIResponse(responseCode = "422", description = "type is not a process type name")
    @RequestBody(content = @Content(schema = @Schema(example = "{\"type\": \"worker\"}")))
    public Response restart(@PathParam("app") String app, InputStream body, UriInfo uri) throws IOException {
        Optional<String> type = restartType(body.readNBytes(MAX_RESTART_BODY + 1));
        return Accepted.deployment(control.restart(app, type).orElseThrow(() -> NotFound.app(app)), uri);
    }

    /** The body is read whatever its content type says, so that a plain {@code POST} without one restarts all. */
    private Optional<String> restartType(byte[] body) {
        if (body.length > MAX_RESTART_BODY) {
            throw new InvalidRequestException("the body is at most {\"type\": \"<process type>\"}");
        }
        JsonNode request;
        try {
            request = body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            throw new InvalidRequestException("the body is not JSON: expected {\"type\": \"<process type>\"} or none");
        }
        if (request == null
                || !request.isObject()
                || request.path("type").isMissingNode()
                || request.path("type").isNull()) {
            return Optional.empty();
        }
        JsonNode type = request.path("type");
        if (!type.isTextual() || !ProcessTypes.isName(type.asText())) {
            throw new InvalidRequestException(
                    "type: a process type is letters, digits, '_' and '-', at most " + ProcessTypes.MAX_NAME_LENGTH);
        }
        return Optional.of(type.asText());
    }

    @POST
    @Path("/stop")
    @Operation(
            operationId = "stopApp",
            summary = "Stop the app",
            description = "A STOP deployment: the router answers the app's host with 503 and a page saying it is"
                    + " stopped, then every process container stops. Nothing else changes.")
    @APIResponse(responseCode = "202", description = "The stop, queued")
    @APIResponse(responseCode = "404", description = "No such app")
    @APIResponse(responseCode = "409", description = "The app has no release yet")
    public Response stop(@PathParam("app") String app, UriInfo uri) {
        return Accepted.deployment(control.stop(app).orElseThrow(() -> NotFound.app(app)), uri);
    }

    @POST
    @Path("/start")
    @Operation(
            operationId = "startApp",
            summary = "Start the app again",
            description = "A START deployment: the current release's containers start, pass their checks and get the"
                    + " app's traffic. No task runs.")
    @APIResponse(responseCode = "202", description = "The start, queued")
    @APIResponse(responseCode = "404", description = "No such app")
    @APIResponse(responseCode = "409", description = "The app has no release yet")
    public Response start(@PathParam("app") String app, UriInfo uri) {
        return Accepted.deployment(control.start(app).orElseThrow(() -> NotFound.app(app)), uri);
    }
}
