package io.slipway.gateway.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.repository.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps the audit log to {@code SLIPWAY_AUDIT_RETENTION}: a minute after start and every hour after, entries older
 * than that are deleted. Every replica runs it; a delete by age gives the same result whoever runs it.
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);
    private static final long FIRST_PURGE_MINUTES = 1;
    private static final long PURGE_EVERY_MINUTES = 60;

    private final AuditRepository entries;
    private final Duration retention;
    private final ScheduledExecutorService purges = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "slipway-audit-retention");
        thread.setDaemon(true);
        return thread;
    });

    public AuditRetention(AuditRepository entries, GatewayConfig config) {
        this.entries = entries;
        this.retention = config.audit().retention();
    }

    void onStart(@Observes StartupEvent start) {
        purges.scheduleWithFixedDelay(this::purgeSafely, FIRST_PURGE_MINUTES, PURGE_EVERY_MINUTES, TimeUnit.MINUTES);
    }

    void onStop(@Observes ShutdownEvent stop) {
        purges.shutdownNow();
    }

    /** Deletes the entries older than the retention at {@code now}; returns how many. */
    public long purge(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> entries.deleteOlderThan(now.minus(retention)));
    }

    private void purgeSafely() {
        try {
            long purged = purge(Instant.now());
            if (purged > 0) {
                LOG.infof("Purged %d audit entries older than %s", purged, retention);
            }
        } catch (RuntimeException e) {
            // The database may be away; the next round tries again.
            LOG.warnf("Cannot purge the audit log: %s", e.getMessage());
        }
    }
}
