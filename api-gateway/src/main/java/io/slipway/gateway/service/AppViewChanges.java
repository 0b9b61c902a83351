package io.slipway.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the transactions of this gateway that changed what an app view shows: an app (its settings and current
 * release) or a deployment. {@link StoredAppList} compares counts to know whether what it keeps is still current.
 */
@ApplicationScoped
public class AppViewChanges {

    private final AtomicLong ended = new AtomicLong();

    long count() {
        return ended.get();
    }

    /**
     * A transaction that changed an app or a deployment has ended, committed or not: a rolled back one counts too,
     * as building the list again is harmless.
     */
    public void ended() {
        ended.incrementAndGet();
    }
}
