package io.slipway.gateway.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.slipway.gateway.audit.AuditLog;
import io.slipway.gateway.audit.RequestAudit;
import io.slipway.gateway.rest.Problem;
import io.slipway.gateway.rest.Routes;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The refusals of the API, each a problem recorded in the audit log: 401 for a call without a token of this gateway
 * (anonymous, another credential, an expired token; with the bearer challenge, counted in {@code
 * slipway_unauthenticated_requests_total}), 403 for a token whose role does not open the endpoint (naming the role
 * that does), 429 for an address that failed to authenticate too often. The request's URI is never a metric tag
 * here: the HTTP metrics tag it by the matched route.
 */
public class Unauthenticated {

    private static final Response.StatusType TOO_MANY_REQUESTS = Response.Status.TOO_MANY_REQUESTS;
    private static final int MAX_PATH_IN_ACTION = 200;

    private final Counter refused;
    private final AuditLog log;
    private final RequestAudit audit;

    public Unauthenticated(MeterRegistry registry, AuditLog log, RequestAudit audit) {
        this.refused = Counter.builder("slipway.unauthenticated.requests")
                .description("API requests refused for want of the API token")
                .register(registry);
        this.log = log;
        this.audit = audit;
    }

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e, HttpServerRequest request) {
        return refuse(request, "send a token of this gateway as 'Authorization: Bearer <token>'");
    }

    @ServerExceptionMapper
    public Response wrongCredential(AuthenticationFailedException e, HttpServerRequest request) {
        if (e.getCause() instanceof TokenExpiredException expired) {
            return expired(expired, request);
        }
        if (e.getCause() instanceof TooManyFailedAuthenticationsException guessing) {
            return guessing(guessing, request);
        }
        return refuse(request, "send a token of this gateway as 'Authorization: Bearer <token>'");
    }

    @ServerExceptionMapper
    public Response expired(TokenExpiredException e, HttpServerRequest request) {
        return refuse(request, e.getMessage() + ": ask an admin for a new one");
    }

    /** Every request of the address is refused until its window ends; only the window's first refusal is recorded. */
    @ServerExceptionMapper
    public Response guessing(TooManyFailedAuthenticationsException e, HttpServerRequest request) {
        if (e.refusal().first()) {
            record(request, 429);
        }
        long seconds = Math.max(1, e.refusal().retryAfter().toSeconds() + 1);
        return Response.fromResponse(Problem.of(
                                TOO_MANY_REQUESTS,
                                "too many failed authentications from this address; try again in " + seconds + " s",
                                Problem.instance(request))
                        .toResponse())
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }

    /** A token whose role does not open this endpoint: the problem names the role that does. */
    @ServerExceptionMapper
    public Response wrongRole(ForbiddenException e, HttpServerRequest request, ResourceInfo resource) {
        // The role check may come before the filters that note the route.
        if (audit.route().isEmpty()) {
            audit.route(Routes.of(request.method().name(), resource));
        }
        record(request, 403);
        String detail = requiredRoles(resource)
                .map(roles -> "this endpoint needs the role " + roles + "; this token's role is "
                        + audit.caller().map(Caller::role).orElse(Roles.WORKER))
                .orElse("this token does not open this endpoint");
        return Problem.of(Response.Status.FORBIDDEN, detail, Problem.instance(request))
                .toResponse();
    }

    private Response refuse(HttpServerRequest request, String detail) {
        refused.increment();
        record(request, 401);
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail, Problem.instance(request))
                        .toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, BearerTokenMechanism.CHALLENGE)
                .build();
    }

    /** The least role the matched endpoint takes (roles grow one on the other), or the worker's. */
    private static Optional<String> requiredRoles(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return Optional.empty();
        }
        RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return Optional.ofNullable(allowed)
                .flatMap(roles -> Arrays.stream(roles.value())
                        .min(Comparator.comparingInt(role ->
                                Roles.isApiRole(role) ? Roles.API_ROLES.indexOf(role) : Roles.API_ROLES.size())));
    }

    private void record(HttpServerRequest request, int status) {
        if (audit.recorded()) {
            return;
        }
        String action = audit.route().orElseGet(() -> request.method().name() + " " + cut(request.path()));
        log.recordLater(log.entry(action, null, null, AuditLog.REFUSED, status));
        audit.markRefusalRecorded();
    }

    private static String cut(String path) {
        return path == null || path.length() <= MAX_PATH_IN_ACTION ? path : path.substring(0, MAX_PATH_IN_ACTION);
    }
}
