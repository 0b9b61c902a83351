package io.slipway.gateway.audit;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.slipway.gateway.repository.AuditEntry;
import io.slipway.gateway.repository.AuditRepository;
import io.slipway.gateway.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Writes the audit log. A change is recorded in the transaction that makes it ({@link #recordChange}), so the two
 * are stored together or not at all; a refusal, and a change whose service records none, after its answer, on a
 * writer thread of its own with a bounded queue ({@link #recordLater}), so no event-loop thread waits for the
 * database and a flood of refused requests cannot hold unbounded memory.
 */
@ApplicationScoped
public class AuditLog {

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String REFUSED = "refused";

    static final int MAX_ACTION_LENGTH = 300;
    static final int MAX_TARGET_LENGTH = 100;
    private static final int MAX_APP_LENGTH = 63;
    private static final int QUEUED_WRITES = 1000;
    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    private final AuditRepository entries;
    private final RequestAudit request;
    private final ThreadPoolExecutor writer =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED_WRITES), task -> {
                Thread thread = new Thread(task, "slipway-audit-writer");
                thread.setDaemon(true);
                return thread;
            });

    public AuditLog(AuditRepository entries, RequestAudit request) {
        this.entries = entries;
        this.request = request;
    }

    /**
     * Records the change the request at hand makes, in the caller's transaction. Nothing when no request asked for
     * it: the gateway's own changes (leases, engine events) are no one's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordChange(String app, String target) {
        if (!Arc.container().requestContext().isActive() || request.route().isEmpty()) {
            return;
        }
        entries.persist(entry(request.route().get(), app, target, SUCCEEDED, null));
        request.markRecorded();
    }

    /** Who the request at hand comes from, as a deployment names it; empty outside a request. */
    public Optional<String> actor() {
        return Arc.container().requestContext().isActive() ? request.caller().map(Caller::actor) : Optional.empty();
    }

    /** An entry of the request at hand; the caller, route and address come from it. */
    public AuditEntry entry(String action, String app, String target, String outcome, Integer status) {
        return entry(request.caller(), request.sourceAddress(), action, app, target, outcome, status);
    }

    /**
     * An entry of a request whose caller and address the REST filters do not note (a WebSocket's handshake, decided
     * before any resource), so they are given.
     */
    public AuditEntry entry(
            Optional<Caller> caller,
            String sourceAddress,
            String action,
            String app,
            String target,
            String outcome,
            Integer status) {
        return new AuditEntry(
                UUID.randomUUID().toString(),
                Instant.now(),
                caller.map(Caller::actor).orElse(null),
                caller.map(Caller::role).orElse(null),
                cut(action, MAX_ACTION_LENGTH),
                cut(app, MAX_APP_LENGTH),
                cut(target, MAX_TARGET_LENGTH),
                outcome,
                status,
                sourceAddress);
    }

    /** Stores {@code entry} soon, in a transaction of its own; dropped (and logged) when the queue is full. */
    public void recordLater(AuditEntry entry) {
        try {
            writer.execute(() -> {
                try {
                    QuarkusTransaction.requiringNew().run(() -> entries.persist(entry));
                } catch (RuntimeException e) {
                    LOG.warnf("Cannot store an audit entry of %s: %s", entry.action(), e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warnf("The audit log's queue is full: an entry of %s is dropped", entry.action());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
