package io.slipway.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.slipway.gateway.CommandNotSentException;
import io.slipway.gateway.ContentTooLargeException;
import io.slipway.gateway.InvalidRequestException;
import io.slipway.gateway.StateConflictException;
import io.slipway.manifest.ManifestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error the API answers becomes a problem+json document, whoever raised it. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return problem(Problem.UNPROCESSABLE_CONTENT, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response tooLarge(ContentTooLargeException e, UriInfo uri) {
        return problem(Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response conflict(StateConflictException e, UriInfo uri) {
        return problem(Status.CONFLICT, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response notSent(CommandNotSentException e, UriInfo uri) {
        LOG.errorf("Cannot reach the engine: %s", e.getMessage());
        return problem(Status.SERVICE_UNAVAILABLE, e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response invalidManifest(ManifestException e, UriInfo uri) {
        return Problem.invalidManifest(e, path(uri)).toResponse();
    }

    /** A body that is not the JSON expected; a record that refused its values says why, as a 422. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e.getCause() instanceof InvalidRequestException invalid) {
            return invalid(invalid, uri);
        }
        if (e instanceof MismatchedInputException mismatched) {
            return mistyped(mismatched, uri);
        }
        return problem(Status.BAD_REQUEST, "the body is not the JSON expected: " + e.getOriginalMessage(), uri);
    }

    /**
     * A JSON value of the wrong type, named by its place in the body. Quarkus has a mapper of its own for this kind
     * of unreadable body, so it needs its own here.
     */
    @ServerExceptionMapper
    public Response mistyped(MismatchedInputException e, UriInfo uri) {
        if (e.getCause() instanceof InvalidRequestException invalid) {
            return invalid(invalid, uri);
        }
        return problem(Status.BAD_REQUEST, JsonMismatch.describe(e), uri);
    }

    /** 404 of unknown apps and deployments, and the HTTP errors the framework raises (405, 406, 415...). */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, uri);
        }
        return problem(e.getResponse().getStatusInfo(), e.getMessage(), uri);
    }

    /** An upload that broke off. */
    @ServerExceptionMapper
    public Response cutShort(IOException e, UriInfo uri) {
        return problem(Status.BAD_REQUEST, "the request body could not be read: " + e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (DatabaseUnavailable.isCause(e)) {
            LOG.errorf("Cannot reach the database answering %s: %s", path(uri), e.getMessage());
            return problem(Status.SERVICE_UNAVAILABLE, "the database is unavailable; try again shortly", uri);
        }
        LOG.error("Unexpected error answering " + path(uri), e);
        return problem(
                Status.INTERNAL_SERVER_ERROR, "an unexpected error occurred; the gateway's log has the details", uri);
    }

    private static Response problem(Response.StatusType status, String detail, UriInfo uri) {
        return Problem.of(status, detail, path(uri)).toResponse();
    }

    private static String path(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }
}
