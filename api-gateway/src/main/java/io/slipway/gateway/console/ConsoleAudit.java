package io.slipway.gateway.console;

import io.quarkus.websockets.next.UserData;
import io.slipway.gateway.audit.AuditLog;
import io.slipway.gateway.security.Caller;
import io.slipway.gateway.security.SourceAddress;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The audit log's entries of consoles, one per attach: {@value #ACTION} (the route's template, as REST actions are
 * named) with the run's id as target. A handshake refused (401, 403, 404, 429) is {@code refused} with its status; an
 * accepted one is {@code succeeded} with 101 once the console runs, or {@code failed} with the close code
 * {@value ConsoleSocket#NOT_WAITING} when the run waits for no client. Recorded after the decision, off the event
 * loop ({@link AuditLog#recordLater}); never a token or anything typed.
 */
@ApplicationScoped
class ConsoleAudit {

    static final String ACTION = "GET /api/v1/runs/{id}/attach";

    /** Who was let through the handshake, carried to the connection. */
    static final UserData.TypedKey<Attach> ATTACH = new UserData.TypedKey<>("slipway.console.attach");

    private static final int SWITCHING_PROTOCOLS = 101;

    private final AuditLog log;

    ConsoleAudit(AuditLog log) {
        this.log = log;
    }

    /** A caller let through the handshake to the console of a run of {@code app}, from {@code sourceAddress}. */
    record Attach(Caller caller, String app, String sourceAddress) {}

    static Attach attach(Caller caller, String app, HttpServerRequest request) {
        return new Attach(caller, app, SourceAddress.of(request));
    }

    void refused(HttpServerRequest request, Optional<Caller> caller, String app, String id, int status) {
        log.recordLater(log.entry(caller, SourceAddress.of(request), ACTION, app, id, AuditLog.REFUSED, status));
    }

    /** The handshake's caller attached ({@code attached}) or found no console waiting. */
    void opened(Attach attach, String id, boolean attached) {
        Attach by = attach != null ? attach : new Attach(null, null, null);
        log.recordLater(log.entry(
                Optional.ofNullable(by.caller()),
                by.sourceAddress(),
                ACTION,
                by.app(),
                id,
                attached ? AuditLog.SUCCEEDED : AuditLog.FAILED,
                attached ? SWITCHING_PROTOCOLS : ConsoleSocket.NOT_WAITING));
    }
}
