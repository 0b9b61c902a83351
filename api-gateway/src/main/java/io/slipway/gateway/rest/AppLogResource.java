package io.slipway.gateway.rest;

import io.slipway.contract.AppLogChannels;
import io.slipway.gateway.logs.AppLogItem;
import io.slipway.gateway.logs.AppLogLine;
import io.slipway.gateway.logs.AppLogQuery;
import io.slipway.gateway.logs.AppLogs;
import io.slipway.gateway.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** What an app's running processes print, read from the engine as the client asks: nothing of it is stored. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/apps/{app}/logs")
@Tag(name = "Apps")
public class AppLogResource {

    /** A Procfile process type, as the manifest parser accepts them; anything else names no process. */
    private static final Pattern PROCESS_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");

    private final AppLogs logs;

    public AppLogResource(AppLogs logs) {
        this.logs = logs;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(
            operationId = "followAppLogs",
            summary = "Follow an app's logs",
            description = "Server-sent events: the last `tail` lines of each running process container (of one"
                    + " `type` if given, printed at or after `since` if given), then, with `follow`, the live ones."
                    + " A line is an unnamed event whose data is {process, type, containerId, deploymentId, stream,"
                    + " line, at}, `process` like web.1, `stream` STDOUT or STDERR, lines cut at 16 KiB. When a"
                    + " deployment, restart or scale starts new containers the stream moves to them by itself, after an"
                    + " event named release whose data is {deploymentId}; no line is sent twice. An event named error"
                    + " {detail} ends a stream that broke off (the engine failed, or the client read too slowly).")
    @APIResponse(responseCode = "200", description = "The app's log lines, as a stream")
    @APIResponse(
            responseCode = "400",
            description = "tail not within 0..10000, follow not true or false, since not an"
                    + " ISO-8601 time, or type not a process type")
    @APIResponse(responseCode = "404", description = "No such app")
    @APIResponse(responseCode = "503", description = "The engine's channel refused the read, or too many are open")
    public Multi<OutboundSseEvent> logs(
            @PathParam("app") String app,
            @QueryParam("tail") String tail,
            @QueryParam("follow") String follow,
            @QueryParam("type") String type,
            @QueryParam("since") String since,
            @Context Sse sse) {
        AppLogQuery query = new AppLogQuery(processType(type), tail(tail), since(since), follow(follow));
        return logs.open(app, query).orElseThrow(() -> NotFound.app(app)).map(item -> toSse(item, sse));
    }

    private static OutboundSseEvent toSse(AppLogItem item, Sse sse) {
        OutboundSseEvent.Builder builder = sse.newEventBuilder().mediaType(MediaType.APPLICATION_JSON_TYPE);
        if (item instanceof AppLogItem.Line line) {
            return builder.data(AppLogLine.class, line.line()).build();
        }
        if (item instanceof AppLogItem.Release release) {
            return builder.name("release")
                    .data(Map.class, Map.of("deploymentId", release.deploymentId()))
                    .build();
        }
        return builder.name("error")
                .data(Map.class, Map.of("detail", ((AppLogItem.Error) item).detail()))
                .build();
    }

    private static int tail(String value) {
        long tail = QueryNumbers.wholeNumber("tail", value).orElse((long) AppLogChannels.DEFAULT_TAIL);
        if (tail < 0 || tail > AppLogChannels.MAX_TAIL) {
            throw new BadRequestException("tail: must be from 0 to " + AppLogChannels.MAX_TAIL + ", not " + tail);
        }
        return (int) tail;
    }

    private static boolean follow(String value) {
        if (value == null || value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        if (value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        throw new BadRequestException("follow: must be true or false");
    }

    /** An ISO-8601 time with its offset ({@code 2026-12-06T10:00:00Z}, {@code ...+01:00}). */
    private static Optional<Instant> since(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("since: not an ISO-8601 time with an offset, e.g. 2026-12-06T10:00:00Z");
        }
    }

    private static Optional<String> processType(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!PROCESS_TYPE.matcher(value).matches()) {
            throw new BadRequestException("type: not a process type (letters, digits, - and _, at most 63)");
        }
        return Optional.of(value);
    }
}
