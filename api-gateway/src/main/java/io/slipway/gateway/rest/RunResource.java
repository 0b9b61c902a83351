package io.slipway.gateway.rest;

import io.slipway.contract.RunStatus;
import io.slipway.gateway.RunLogEvent;
import io.slipway.gateway.RunView;
import io.slipway.gateway.security.Roles;
import io.slipway.gateway.security.RunScoped;
import io.slipway.gateway.service.RunOutput;
import io.slipway.gateway.service.RunService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** One run: its state, its output, and its cancel. */
@RolesAllowed(Roles.VIEWER)
@RunScoped
@Path("/api/v1/runs")
@Tag(name = "Runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private final RunService runs;
    private final RunOutput output;

    public RunResource(RunService runs, RunOutput output) {
        this.runs = runs;
        this.output = output;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getRun", summary = "One run")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "404", description = "No such run")
    public RunView get(@PathParam("id") String id) {
        return runs.find(id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}/logs")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(
            operationId = "followRunLogs",
            summary = "Follow a run's output",
            description = "Server-sent events: every stored line, then the new ones until the run ends. A line is an"
                    + " unnamed event whose data is {stream, seq, line, at} and whose id is its seq: a client that"
                    + " reconnects with Last-Event-ID gets only the lines after it. The last event is the run as it"
                    + " ended: named end, or error when it failed without an exit code (the engine failed, or the"
                    + " gateway was restarted); then the stream completes.")
    @APIResponse(responseCode = "200", description = "The run's output, as a stream")
    @APIResponse(responseCode = "404", description = "No such run")
    public Multi<OutboundSseEvent> logs(
            @PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        runs.find(id).orElseThrow(() -> notFound(id));
        return output.follow(id, seqOf(lastEventId)).map(item -> toSse(item, sse));
    }

    private static OutboundSseEvent toSse(RunOutput.Item item, Sse sse) {
        if (item instanceof RunOutput.Line line) {
            return sse.newEventBuilder()
                    .id(Long.toString(line.event().seq()))
                    .data(RunLogEvent.class, line.event())
                    .build();
        }
        RunView run = ((RunOutput.End) item).run();
        boolean error = run.exitCode() == null && run.status() == RunStatus.FAILED;
        return sse.newEventBuilder()
                .name(error ? "error" : "end")
                .data(RunView.class, run)
                .build();
    }

    @RolesAllowed(Roles.DEPLOYER)
    @POST
    @Path("/{id}/cancel")
    @Operation(
            operationId = "cancelRun",
            summary = "Cancel a queued or running run",
            description = "Its container is killed and removed;" + " the run ends CANCELLED")
    @APIResponse(responseCode = "202", description = "Cancel requested")
    @APIResponse(responseCode = "404", description = "No such run")
    @APIResponse(responseCode = "409", description = "The run has ended")
    public Response cancel(@PathParam("id") String id) {
        return Response.accepted(runs.cancel(id).orElseThrow(() -> notFound(id)))
                .build();
    }

    private static NotFoundException notFound(String id) {
        return NotFound.run(id);
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
