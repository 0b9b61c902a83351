package io.slipway.gateway.service;

import io.slipway.gateway.AppView;
import io.slipway.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The stored part of the app list (every app with its current release and latest deployment), kept between reads.
 * Building it reads every app and its latest deployment, too much for each read of dashboards that poll hundreds
 * of times a second. It is built again once this gateway has committed a change to an app or a deployment
 * ({@link AppViewChanges}), and in remote mode once it is older than {@code SLIPWAY_GATEWAY_PROCESS_STATE_MAX_AGE},
 * for what other gateway replicas stored. One read builds it while the others wait for that list instead of building
 * their own.
 */
@ApplicationScoped
public class StoredAppList {

    private record Built(long changes, long atNanos, List<AppView> apps) {}

    private final AppViewChanges changes;
    private final long maxAgeNanos;
    private final ReentrantLock building = new ReentrantLock();
    private volatile Built built;

    /** Embedded, this gateway stores every change itself, so the list is kept until one; remote, at most the age. */
    @Inject
    StoredAppList(AppViewChanges changes, GatewayConfig config) {
        this(
                changes,
                config.engine().isRemote() ? Optional.of(config.gateway().processStateMaxAge()) : Optional.empty());
    }

    /** @param maxAge empty: kept until a change */
    StoredAppList(AppViewChanges changes, Optional<Duration> maxAge) {
        this.changes = changes;
        this.maxAgeNanos = maxAge.map(Duration::toNanos).orElse(Long.MAX_VALUE);
    }

    /** @param build reads the list from the database */
    List<AppView> get(Supplier<List<AppView>> build) {
        Built kept = built;
        if (current(kept)) {
            return kept.apps();
        }
        building.lock();
        try {
            kept = built;
            if (current(kept)) {
                return kept.apps();
            }
            long changesBefore = changes.count();
            long startedNanos = System.nanoTime();
            List<AppView> apps = build.get();
            built = new Built(changesBefore, startedNanos, apps);
            return apps;
        } finally {
            building.unlock();
        }
    }

    private boolean current(Built kept) {
        return kept != null && kept.changes() == changes.count() && System.nanoTime() - kept.atNanos() < maxAgeNanos;
    }
}
