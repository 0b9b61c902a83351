package io.slipway.gateway.rest;

import io.slipway.gateway.audit.AuditLog;
import io.slipway.gateway.audit.RequestAudit;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records, after its answer, each request to a route that changes something and whose service did not record it in
 * its own transaction (a failed change, an endpoint without a recording service), and each refusal (401, 403, 429)
 * not recorded where it was made. Reads record nothing.
 */
public class AuditTrail {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Set<Integer> REFUSALS = Set.of(401, 403, 429);

    private final AuditLog log;
    private final RequestAudit audit;

    public AuditTrail(AuditLog log, RequestAudit audit) {
        this.log = log;
        this.audit = audit;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        boolean refused = REFUSALS.contains(status);
        if (audit.recorded() || audit.route().isEmpty() || (!refused && READS.contains(request.getMethod()))) {
            return;
        }
        String outcome = refused ? AuditLog.REFUSED : status < 400 ? AuditLog.SUCCEEDED : AuditLog.FAILED;
        var parameters = request.getUriInfo().getPathParameters();
        log.recordLater(log.entry(
                audit.route().get(),
                parameters.getFirst(AppScopes.APP),
                parameters.getFirst(AppScopes.DEPLOYMENT),
                outcome,
                status));
    }
}
