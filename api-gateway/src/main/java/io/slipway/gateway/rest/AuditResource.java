package io.slipway.gateway.rest;

import io.slipway.gateway.AuditEntryView;
import io.slipway.gateway.PageRequest;
import io.slipway.gateway.audit.AuditQueries;
import io.slipway.gateway.repository.AuditRepository;
import io.slipway.gateway.security.EveryApp;
import io.slipway.gateway.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RolesAllowed(Roles.ADMIN)
@EveryApp
@Path("/api/v1/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final int PER_PAGE = 100;
    private static final int MAX_FILTER_LENGTH = 100;

    private final AuditQueries audit;

    public AuditResource(AuditQueries audit) {
        this.audit = audit;
    }

    @GET
    @Operation(
            operationId = "listAuditEntries",
            summary = "The audit log, newest first: every change and every refused request",
            description = "Filters: app, actor (a token's name, bootstrap for the API token), since (ISO-8601). A page"
                    + " of at most limit entries (default " + PER_PAGE + "); when more follow, Link: <...>;"
                    + " rel=\"next\" names the next page (?before=<the last entry's id>, the filters kept).")
    @APIResponse(
            responseCode = "200",
            description = "The page",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntryView.class)))
    @APIResponse(
            responseCode = "400",
            description = "limit not 1 to 500, before no entry, since no ISO-8601 time, app or actor over 100"
                    + " characters")
    public Response list(
            @QueryParam("app") String app,
            @QueryParam("actor") String actor,
            @QueryParam("since") String since,
            @QueryParam(Paging.BEFORE) String before,
            @QueryParam(Paging.LIMIT) String limit,
            UriInfo uri) {
        PageRequest page = Paging.request(before, limit, PER_PAGE);
        AuditRepository.Filter filter =
                new AuditRepository.Filter(bounded("app", app), bounded("actor", actor), instant(since));
        var found = audit.page(filter, page);
        Response.ResponseBuilder answer = Response.ok(found.items());
        found.nextBefore().ifPresent(next -> {
            UriBuilder link = UriBuilder.fromPath(uri.getPath())
                    .queryParam(Paging.LIMIT, page.limit())
                    .queryParam(Paging.BEFORE, next);
            filter.app().ifPresent(value -> link.queryParam("app", value));
            filter.actor().ifPresent(value -> link.queryParam("actor", value));
            filter.since().ifPresent(value -> link.queryParam("since", value));
            answer.links(Link.fromUri(link.build()).rel("next").build());
        });
        return answer.build();
    }

    private static Optional<String> bounded(String parameter, String value) {
        if (value != null && value.length() > MAX_FILTER_LENGTH) {
            throw new BadRequestException(parameter + ": at most " + MAX_FILTER_LENGTH + " characters");
        }
        return Optional.ofNullable(value).filter(text -> !text.isEmpty());
    }

    private static Optional<Instant> instant(String since) {
        if (since == null || since.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(since));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("since: an ISO-8601 time such as 2026-01-31T12:00:00Z");
        }
    }
}
