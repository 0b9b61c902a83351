package io.slipway.gateway.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.slipway.gateway.audit.RequestAudit;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Without a token of this gateway, every request under {@code /api} is a 401, before the router looks for an
 * endpoint: a path under a known resource that is no endpoint, a method the endpoint lacks, a media type it does not
 * take, all answer as an endpoint does, so nothing tells which paths exist. Which role opens which endpoint is still
 * decided by the endpoint the router matched ({@code @RolesAllowed}); this filter only adds the answer for paths
 * that match none. It also tells the audit log who calls, and from where.
 */
public class ApiNeedsToken {

    private final CurrentIdentityAssociation identity;
    private final RequestAudit audit;

    public ApiNeedsToken(CurrentIdentityAssociation identity, RequestAudit audit) {
        this.identity = identity;
        this.audit = audit;
    }

    /**
     * A wrong token fails the identity with the mechanism's own exception, answered as a 401 by {@link
     * Unauthenticated}; no token at all is refused the same way.
     */
    @ServerRequestFilter(preMatching = true)
    public Uni<Void> refuseAnonymous(UriInfo uri, HttpServerRequest request) {
        if (!underApi(uri.getPath())) {
            return Uni.createFrom().voidItem();
        }
        audit.sourceAddress(SourceAddress.of(request));
        return identity.getDeferredIdentity().map(caller -> {
            if (caller.isAnonymous()) {
                throw new UnauthorizedException();
            }
            Caller.of(caller).ifPresent(audit::caller);
            return null;
        });
    }

    /**
     * On the decoded path as the router matches it: without dot segments, empty segments or matrix parameters. Read
     * in place, segment by segment, as every request passes here: only the depth and whether the segment at the top
     * is {@code api} matter.
     */
    static boolean underApi(String decodedPath) {
        int depth = 0;
        boolean firstIsApi = false;
        int start = 0;
        while (start <= decodedPath.length()) {
            int end = decodedPath.indexOf('/', start);
            if (end < 0) {
                end = decodedPath.length();
            }
            int parameters = decodedPath.indexOf(';', start);
            int nameEnd = parameters < 0 || parameters > end ? end : parameters;
            int length = nameEnd - start;
            if (length == 2 && decodedPath.startsWith("..", start)) {
                depth = Math.max(0, depth - 1);
            } else if (length > 0 && !(length == 1 && decodedPath.charAt(start) == '.')) {
                if (depth == 0) {
                    firstIsApi = length == 3 && decodedPath.startsWith("api", start);
                }
                depth++;
            }
            start = end + 1;
        }
        return depth > 0 && firstIsApi;
    }
}
