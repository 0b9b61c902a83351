package io.slipway.gateway.security;

import io.slipway.gateway.rest.Problem;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /api} request needs {@code Authorization: Bearer <token>}; the rest ({@code /q/*},
 * the web UI's static files) stays open. Runs before matching, so an unknown {@code /api} path
 * reveals nothing without the token either.
 */
public class BearerTokenFilter {

    private final ApiToken token;

    public BearerTokenFilter(ApiToken token) {
        this.token = token;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!(path.equals("/api") || path.startsWith("/api/"))
                || token.admits(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return null;
        }
        return Response.fromResponse(Problem.of(
                                Response.Status.UNAUTHORIZED,
                                "send the API token as 'Authorization: Bearer <token>'",
                                path)
                        .toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"slipway\"")
                .build();
    }
}
