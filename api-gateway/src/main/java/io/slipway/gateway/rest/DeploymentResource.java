package io.slipway.gateway.rest;

import io.slipway.gateway.DeploymentView;
import io.slipway.gateway.LogEvent;
import io.slipway.gateway.PhaseEvent;
import io.slipway.gateway.StreamEvent;
import io.slipway.gateway.security.DeploymentScoped;
import io.slipway.gateway.security.Roles;
import io.slipway.gateway.service.DeploymentLogs;
import io.slipway.gateway.service.DeploymentService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

@RolesAllowed(Roles.VIEWER)
@DeploymentScoped
@Path("/api/v1/deployments")
@Tag(name = "Deployments")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentResource {

    private final DeploymentService deployments;
    private final DeploymentLogs logs;

    public DeploymentResource(DeploymentService deployments, DeploymentLogs logs) {
        this.deployments = deployments;
        this.logs = logs;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDeployment", summary = "One deployment, with its phases")
    @APIResponse(responseCode = "200", description = "The deployment")
    @APIResponse(responseCode = "404", description = "No such deployment")
    public DeploymentView get(@PathParam("id") String id) {
        return deployments.find(id).orElseThrow(() -> NotFound.deployment(id));
    }

    @GET
    @Path("/{id}/logs")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(
            operationId = "followDeploymentLogs",
            summary = "Follow a deployment's output",
            description = "Server-sent events: every stored line, then the live ones until the deployment ends, then"
                    + " the stream completes. A line is an unnamed event whose data is {phase, stream, seq, line, at};"
                    + " a phase change is an event named phase whose data is {phase, status, command, exitCode,"
                    + " reason, seq, at}. Each event's id is its seq, one numbering for both: a client that"
                    + " reconnects with Last-Event-ID gets only the events after it.")
    @APIResponse(responseCode = "200", description = "The log and phase events, as a stream")
    @APIResponse(responseCode = "404", description = "No such deployment")
    public Multi<OutboundSseEvent> logs(
            @PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        deployments.find(id).orElseThrow(() -> NotFound.deployment(id));
        return logs.follow(id, seqOf(lastEventId)).map(event -> toSse(event, sse));
    }

    /** A line stays an unnamed event, so a client that only reads lines sees only lines. */
    private static OutboundSseEvent toSse(StreamEvent event, Sse sse) {
        OutboundSseEvent.Builder builder = sse.newEventBuilder().id(Long.toString(event.seq()));
        if (event instanceof PhaseEvent phase) {
            return builder.name("phase").data(PhaseEvent.class, phase).build();
        }
        return builder.data(LogEvent.class, (LogEvent) event).build();
    }

    @RolesAllowed(Roles.DEPLOYER)
    @POST
    @Path("/{id}/cancel")
    @Operation(
            operationId = "cancelDeployment",
            summary = "Cancel a queued or running deployment",
            description = "The engine stops it and reports it CANCELLED, with the guarantees of a failure")
    @APIResponse(responseCode = "202", description = "Cancel requested")
    @APIResponse(responseCode = "404", description = "No such deployment")
    @APIResponse(responseCode = "409", description = "The deployment has ended")
    public Response cancel(@PathParam("id") String id) {
        return Response.accepted(deployments.cancel(id).orElseThrow(() -> NotFound.deployment(id)))
                .build();
    }

    @RolesAllowed(Roles.DEPLOYER)
    @POST
    @Path("/{id}/retry")
    @Operation(
            operationId = "retryDeployment",
            summary = "Retry a failed or cancelled deployment",
            description = "A new deployment of the same image (for a build, the image built) and the same manifests:"
                    + " nothing is rebuilt")
    @APIResponse(responseCode = "202", description = "The new deployment, queued")
    @APIResponse(responseCode = "404", description = "No such deployment")
    @APIResponse(responseCode = "409", description = "Not failed or cancelled, or its image was never built")
    public Response retry(@PathParam("id") String id, UriInfo uri) {
        return Accepted.deployment(deployments.retry(id).orElseThrow(() -> NotFound.deployment(id)), uri);
    }

    /** An id that is not a seq of ours means start from the beginning. */
    private static long seqOf(String lastEventId) {
        try {
            return lastEventId == null ? 0 : Math.max(0, Long.parseLong(lastEventId.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
