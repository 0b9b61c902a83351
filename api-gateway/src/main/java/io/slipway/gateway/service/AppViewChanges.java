package io.slipway.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the transactions of this gateway that changed what an app view shows: an app (its settings and current
 * release) or a deployment, and apart from those, a stored engine report (the processes). {@link StoredAppList},
 * {@link ShownDeployments} and {@link StoredProcesses} compare counts to know whether what they keep is still current.
 */
@ApplicationScoped
public class AppViewChanges {

    private final AtomicLong ended = new AtomicLong();
    private final AtomicLong reportsEnded = new AtomicLong();

    long count() {
        return ended.get();
    }

    long reports() {
        return reportsEnded.get();
    }

    /** A transaction that stored an engine's report has ended, committed or not. */
    public void reportEnded() {
        reportsEnded.incrementAndGet();
    }

    /**
     * A transaction that changed an app or a deployment has ended, committed or not: a rolled back one counts too,
     * as building the list again is harmless.
     */
    public void ended() {
        ended.incrementAndGet();
    }
}
