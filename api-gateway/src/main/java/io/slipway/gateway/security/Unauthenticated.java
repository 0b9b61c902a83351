package io.slipway.gateway.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.slipway.gateway.rest.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The 401 of an API endpoint called without the token (anonymous) or with another credential: a
 * problem with the bearer challenge, counted in {@code slipway_unauthenticated_requests_total}. The
 * request's URI is never a metric tag here: the HTTP metrics tag it by the matched route.
 */
public class Unauthenticated {

    private final Counter refused;

    public Unauthenticated(MeterRegistry registry) {
        this.refused = Counter.builder("slipway.unauthenticated.requests")
                .description("API requests refused for want of the API token")
                .register(registry);
    }

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e, HttpServerRequest request) {
        return refuse(request);
    }

    @ServerExceptionMapper
    public Response wrongCredential(AuthenticationFailedException e, HttpServerRequest request) {
        return refuse(request);
    }

    /** A token of this gateway that does not open this endpoint: the worker token on the API, or the reverse. */
    @ServerExceptionMapper
    public Response wrongRole(ForbiddenException e, HttpServerRequest request) {
        return Problem.of(
                        Response.Status.FORBIDDEN,
                        "this token does not open this endpoint: the API takes the API token, the worker endpoints"
                                + " the worker token",
                        Problem.instance(request))
                .toResponse();
    }

    private Response refuse(HttpServerRequest request) {
        refused.increment();
        return Response.fromResponse(Problem.of(
                                Response.Status.UNAUTHORIZED,
                                "send the API token as 'Authorization: Bearer <token>'",
                                Problem.instance(request))
                        .toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, BearerTokenMechanism.CHALLENGE)
                .build();
    }
}
