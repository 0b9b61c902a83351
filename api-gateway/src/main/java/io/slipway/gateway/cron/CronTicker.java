package io.slipway.gateway.cron;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.repository.CronEntryRepository;
import io.slipway.gateway.repository.CronFiringRepository;
import io.slipway.manifest.CronSchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Every {@code SLIPWAY_CRON_TICK}, fires the due firings ({@link DueFirings}) of every entry that is not suspended,
 * each through {@link CronFirings}, whose claim row makes it fire once across replicas. Every replica ticks; a firing
 * this replica has claimed or seen claimed is not tried again. Claim rows older than a day are deleted hourly. No
 * failure leaves the loop: the next tick tries again.
 */
@ApplicationScoped
public class CronTicker {

    private static final Logger LOG = Logger.getLogger(CronTicker.class);
    /** A claim row only matters while its firing can still be due; a day leaves them to read meanwhile. */
    private static final Duration CLAIMS_KEPT = Duration.ofDays(1);

    private static final Duration CLAIM_PURGE_EVERY = Duration.ofHours(1);
    private static final Duration MIN_LATE_BOUND = Duration.ofMinutes(1);

    private final CronEntryRepository entries;
    private final CronFiringRepository claims;
    private final CronFirings firings;
    private final Duration tick;
    private final Duration lateBound;
    /** The firings this replica claimed or saw claimed, by their key, with their time: dropped once past due. */
    private final Map<String, Instant> done = new HashMap<>();

    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "slipway-cron");
        thread.setDaemon(true);
        return thread;
    });
    private Instant startedAt;
    private Instant lastPurge = Instant.EPOCH;

    public CronTicker(
            CronEntryRepository entries, CronFiringRepository claims, CronFirings firings, GatewayConfig config) {
        this.entries = entries;
        this.claims = claims;
        this.firings = firings;
        this.tick = config.cron().tick();
        Duration threeTicks = tick.multipliedBy(3);
        this.lateBound = threeTicks.compareTo(MIN_LATE_BOUND) > 0 ? threeTicks : MIN_LATE_BOUND;
    }

    void onStart(@Observes StartupEvent start) {
        startedAt = Instant.now();
        ticks.scheduleWithFixedDelay(this::tickSafely, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        ticks.shutdownNow();
    }

    private void tickSafely() {
        try {
            tick(Instant.now());
        } catch (RuntimeException e) {
            // The database may be away; the next tick tries again.
            LOG.warnf("Cannot look for due cron firings: %s", e.getMessage());
        }
    }

    /** An entry's key and schedule, read in a short transaction. */
    private record Due(String app, String entryId, CronSchedule schedule) {}

    private void tick(Instant now) {
        List<Due> active = QuarkusTransaction.requiringNew()
                .call(() -> entries.active().stream()
                        .map(entry -> new Due(entry.app(), entry.entryId(), entry.schedule()))
                        .toList());
        for (Due entry : active) {
            for (Instant at : DueFirings.due(entry.schedule(), startedAt, now, lateBound)) {
                fireOnce(entry, at);
            }
        }
        done.values().removeIf(at -> at.isBefore(now.minus(lateBound)));
        if (lastPurge.isBefore(now.minus(CLAIM_PURGE_EVERY))) {
            QuarkusTransaction.requiringNew().call(() -> claims.deleteClaimedBefore(now.minus(CLAIMS_KEPT)));
            lastPurge = now;
        }
    }

    private void fireOnce(Due entry, Instant at) {
        String key = entry.app() + "\n" + entry.entryId() + "\n" + at;
        if (done.containsKey(key)) {
            return;
        }
        try {
            firings.fire(entry.app(), entry.entryId(), at);
            done.put(key, at);
        } catch (RuntimeException e) {
            // Not marked done: the next tick tries again while the firing is due.
            LOG.warnf(
                    "Cannot claim firing %s of cron entry %s of app %s: %s",
                    at, entry.entryId(), entry.app(), e.getMessage());
        }
    }
}
