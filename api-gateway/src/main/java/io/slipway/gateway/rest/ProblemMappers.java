package io.slipway.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.slipway.gateway.CommandNotSentException;
import io.slipway.gateway.ContentTooLargeException;
import io.slipway.gateway.InvalidCursorException;
import io.slipway.gateway.InvalidFieldException;
import io.slipway.gateway.InvalidRequestException;
import io.slipway.gateway.StateConflictException;
import io.slipway.gateway.logs.TooManyStreamsException;
import io.slipway.manifest.ManifestException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error the API answers becomes a problem+json document, whoever raised it. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, HttpServerRequest request) {
        return problem(Problem.UNPROCESSABLE_CONTENT, e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e, HttpServerRequest request) {
        return problem(Status.BAD_REQUEST, e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response invalidCursor(InvalidCursorException e, HttpServerRequest request) {
        return problem(Status.BAD_REQUEST, e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response tooLarge(ContentTooLargeException e, HttpServerRequest request) {
        return problem(Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response conflict(StateConflictException e, HttpServerRequest request) {
        return problem(Status.CONFLICT, e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response notSent(CommandNotSentException e, HttpServerRequest request) {
        LOG.errorf("Cannot reach the engine: %s", e.getMessage());
        return problem(Status.SERVICE_UNAVAILABLE, e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response tooManyStreams(TooManyStreamsException e, HttpServerRequest request) {
        return problem(Status.SERVICE_UNAVAILABLE, e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response invalidManifest(ManifestException e, HttpServerRequest request) {
        return Problem.invalidManifest(e, Problem.instance(request)).toResponse();
    }

    /** A body that is not the JSON expected; a record that refused its values says why, as a 422. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, HttpServerRequest request) {
        if (e.getCause() instanceof InvalidRequestException invalid) {
            return invalid(invalid, request);
        }
        if (e instanceof MismatchedInputException mismatched) {
            return mistyped(mismatched, request);
        }
        return problem(Status.BAD_REQUEST, "the body is not the JSON expected: " + e.getOriginalMessage(), request);
    }

    /**
     * A JSON value of the wrong type, named by its place in the body. Quarkus has a mapper of its own for this kind
     * of unreadable body, so it needs its own here.
     */
    @ServerExceptionMapper
    public Response mistyped(MismatchedInputException e, HttpServerRequest request) {
        if (e.getCause() instanceof InvalidRequestException invalid) {
            return invalid(invalid, request);
        }
        return problem(Status.BAD_REQUEST, JsonMismatch.describe(e), request);
    }

    /** 404 of unknown apps and deployments, and the HTTP errors the framework raises (405, 406, 415...). */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, request);
        }
        return problem(e.getResponse().getStatusInfo(), e.getMessage(), request);
    }

    /** An upload that broke off. */
    @ServerExceptionMapper
    public Response cutShort(IOException e, HttpServerRequest request) {
        return problem(Status.BAD_REQUEST, "the request body could not be read: " + e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, HttpServerRequest request) {
        if (DatabaseUnavailable.isCause(e)) {
            LOG.errorf("Cannot reach the database answering %s: %s", Problem.instance(request), e.getMessage());
            return problem(Status.SERVICE_UNAVAILABLE, "the database is unavailable; try again shortly", request);
        }
        LOG.error("Unexpected error answering " + Problem.instance(request), e);
        return problem(
                Status.INTERNAL_SERVER_ERROR,
                "an unexpected error occurred; the gateway's log has the details",
                request);
    }

    private static Response problem(Response.StatusType status, String detail, HttpServerRequest request) {
        return Problem.of(status, detail, Problem.instance(request)).toResponse();
    }
}
