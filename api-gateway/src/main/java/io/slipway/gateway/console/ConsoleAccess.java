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
 * exist or belongs to an app beyond the token's scope 404, as the REST API does.
 */
@ApplicationScoped
public class ConsoleAccess implements HttpUpgradeCheck {

    /** Longer than any run id: a longer one names no run, and is not looked up. */
    private static final int MAX_ID = 64;

    private final RunRepository runs;

    public ConsoleAccess(RunRepository runs) {
        this.runs = runs;
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
                .transformToUni(identity -> check(identity, id))
                .onFailure()
                .recoverWithItem(failure -> failure instanceof TooManyFailedAuthenticationsException
                        ? CheckResult.rejectUpgradeSync(429)
                        : unauthenticated());
    }

    private Uni<CheckResult> check(SecurityIdentity identity, String id) {
        if (identity == null || identity.isAnonymous()) {
            return Uni.createFrom().item(unauthenticated());
        }
        Optional<Caller> caller = Caller.of(identity);
        if (caller.isEmpty() || !identity.hasRole(Roles.DEPLOYER)) {
            return CheckResult.rejectUpgrade(403);
        }
        if (id == null || id.length() > MAX_ID) {
            return CheckResult.rejectUpgrade(404);
        }
        // The run's app is looked up off the event loop, in a transaction of its own.
        return Uni.createFrom()
                .item(() -> QuarkusTransaction.requiringNew()
                        .call(() -> runs.findByIdOptional(id).map(Run::app)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(app -> app.filter(caller.get()::reaches).isPresent()
                        ? CheckResult.permitUpgradeSync()
                        : CheckResult.rejectUpgradeSync(404));
    }

    private static CheckResult unauthenticated() {
        return CheckResult.rejectUpgradeSync(401, Map.of("WWW-Authenticate", List.of(BearerTokenMechanism.CHALLENGE)));
    }
}
