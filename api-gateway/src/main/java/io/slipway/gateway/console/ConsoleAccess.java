package io.slipway.gateway.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.slipway.gateway.repository.Run;
import io.slipway.gateway.repository.RunRepository;
import io.slipway.gateway.security.BearerTokenMechanism;
import io.slipway.gateway.security.Caller;
import io.slipway.gateway.security.Roles;
import io.slipway.gateway.security.TooManyFailedAuthenticationsException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may attach to a console, decided on the WebSocket handshake before anything is upgraded: a token (in the
 * {@code Authorization} header or the subprotocols) of a {@link Roles#DEPLOYER} or above, whose apps include the
 * run's. No token or a wrong one answers 401, too many failures 429, a lesser role 403, and a run that does not
 * exist or belongs to an app beyond the token's scope 404, as the REST API does. Each refusal is recorded in the audit
 * log, and who was let through is carried to the connection, whose open records the attach ({@link ConsoleAudit}).
 */
@ApplicationScoped
public class ConsoleAccess implements HttpUpgradeCheck {

    /** Longer than any run id: a longer one names no run, and is not looked up. */
    private static final int MAX_ID = 64;

    private final RunRepository runs;
    private final ConsoleAudit audit;

    public ConsoleAccess(RunRepository runs, ConsoleAudit audit) {
        this.runs = runs;
        this.audit = audit;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return ConsoleSocket.class.getName().equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String id = context.pathParam("id");
        return context.securityIdentity()
                .onItem()
                .transformToUni(identity -> check(context, identity, id))
                .onFailure()
                .recoverWithItem(failure -> {
                    if (failure instanceof TooManyFailedAuthenticationsException guessing) {
                        // Only the first refusal of an address's window is recorded, as for the REST API.
                        if (guessing.refusal().first()) {
                            audit.refused(context.httpRequest(), Optional.empty(), null, id, 429);
                        }
                        return CheckResult.rejectUpgradeSync(429);
                    }
                    return unauthenticated(context, id);
                });
    }

    private Uni<CheckResult> check(HttpUpgradeContext context, SecurityIdentity identity, String id) {
        if (identity == null || identity.isAnonymous()) {
            return Uni.createFrom().item(unauthenticated(context, id));
        }
        Optional<Caller> caller = Caller.of(identity);
        if (caller.isEmpty() || !identity.hasRole(Roles.DEPLOYER)) {
            audit.refused(context.httpRequest(), caller, null, id, 403);
            return CheckResult.rejectUpgrade(403);
        }
        if (id == null || id.length() > MAX_ID) {
            audit.refused(context.httpRequest(), caller, null, id, 404);
            return CheckResult.rejectUpgrade(404);
        }
        // The run's app is looked up off the event loop, in a transaction of its own.
        return Uni.createFrom()
                .item(() -> QuarkusTransaction.requiringNew()
                        .call(() -> runs.findByIdOptional(id).map(Run::app)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(app -> {
                    if (app.filter(caller.get()::reaches).isEmpty()) {
                        audit.refused(context.httpRequest(), caller, app.orElse(null), id, 404);
                        return CheckResult.rejectUpgradeSync(404);
                    }
                    context.userData()
                            .put(
                                    ConsoleAudit.ATTACH,
                                    ConsoleAudit.attach(caller.get(), app.get(), context.httpRequest()));
                    return CheckResult.permitUpgradeSync();
                });
    }

    private CheckResult unauthenticated(HttpUpgradeContext context, String id) {
        audit.refused(context.httpRequest(), Optional.empty(), null, id, 401);
        return CheckResult.rejectUpgradeSync(401, Map.of("WWW-Authenticate", List.of(BearerTokenMechanism.CHALLENGE)));
    }
}
