package io.slipway.gateway.cron;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.slipway.gateway.RunRequest;
import io.slipway.gateway.RunView;
import io.slipway.gateway.StateConflictException;
import io.slipway.gateway.repository.App;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.gateway.repository.CronEntryRecord;
import io.slipway.gateway.repository.CronEntryRepository;
import io.slipway.gateway.repository.CronFiring;
import io.slipway.gateway.repository.CronFiringRepository;
import io.slipway.gateway.repository.Run;
import io.slipway.gateway.repository.RunRepository;
import io.slipway.gateway.service.RunService;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Fires one firing of a cron entry, exactly once across gateway replicas: the replica whose claim row goes in fires
 * it, any other finds the row there (the table's unique key) and does nothing. The claimed firing then starts a run
 * with the trigger {@code cron:<id>}, or starts none and writes why on its claim row.
 */
@ApplicationScoped
public class CronFirings {

    private static final Logger LOG = Logger.getLogger(CronFirings.class);
    /** The SQL state of a unique key's violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final AppRepository apps;
    private final CronEntryRepository entries;
    private final CronFiringRepository firings;
    private final RunRepository runs;
    private final RunService runService;

    public CronFirings(
            AppRepository apps,
            CronEntryRepository entries,
            CronFiringRepository firings,
            RunRepository runs,
            RunService runService) {
        this.apps = apps;
        this.entries = entries;
        this.firings = firings;
        this.runs = runs;
        this.runService = runService;
    }

    /** A firing's run: the entry's command with the app's task timeout, no variables of its own. */
    static RunRequest requestOf(String command) {
        return new RunRequest(command, null, null, null);
    }

    /**
     * @return whether this call claimed the firing (and so fired it, or recorded why not)
     * @throws RuntimeException when the claim could not be written for another reason than another's claim
     */
    public boolean fire(String app, String entryId, Instant scheduledAt) {
        Optional<Long> claim = claim(app, entryId, scheduledAt);
        if (claim.isEmpty()) {
            return false;
        }
        try {
            Decided decided = QuarkusTransaction.requiringNew().call(() -> decide(app, entryId));
            FiringDecision decision = decided.decision();
            switch (decision.action()) {
                case SKIP -> record(claim.get(), null, decision.skipReason().orElseThrow());
                case REPLACE -> {
                    cancel(decision.previousRun().orElseThrow());
                    start(claim.get(), app, entryId, decided.command());
                }
                case START -> start(claim.get(), app, entryId, decided.command());
            }
        } catch (RuntimeException e) {
            // Exception messages here name apps, entries and runs, never config values.
            LOG.warnf("Firing %s of cron entry %s of app %s failed: %s", scheduledAt, entryId, app, e.getMessage());
            record(claim.get(), null, "failed: " + e.getMessage());
        }
        return true;
    }

    /** The claim row's id; empty when another replica (or an earlier tick) claimed the firing first. */
    private Optional<Long> claim(String app, String entryId, Instant scheduledAt) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                // Looked for first, so that only replicas racing for the same firing meet the unique key.
                if (!firings.of(app, entryId, scheduledAt).isEmpty()) {
                    return Optional.<Long>empty();
                }
                CronFiring firing = new CronFiring(app, entryId, scheduledAt, Instant.now());
                firings.persistAndFlush(firing);
                return Optional.of(firing.id());
            });
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A firing's decision, and the command it runs, read together. */
    private record Decided(FiringDecision decision, String command) {}

    private Decided decide(String appName, String entryId) {
        Optional<App> app = apps.findByIdOptional(appName);
        Optional<CronEntryRecord> entry = entries.find(appName, entryId);
        if (app.isEmpty()) {
            return new Decided(FiringDecision.skip("the app was deleted"), null);
        }
        if (entry.isEmpty() || entry.get().suspended()) {
            return new Decided(FiringDecision.skip("the entry is suspended or no longer in the app's release"), null);
        }
        Optional<String> runningPrevious = runs.latestWithTrigger(appName, Run.cronTrigger(entryId))
                .filter(run -> !run.status().isFinal())
                .map(Run::id);
        FiringDecision decision = FiringDecision.of(
                app.get().currentRelease().isPresent(),
                app.get().isStopped(),
                entry.get().concurrencyPolicy(),
                runningPrevious);
        return new Decided(decision, entry.get().command());
    }

    /** {@code replace}: the previous run is asked to end; one that ended meanwhile needs nothing. */
    private void cancel(String run) {
        try {
            runService.cancel(run);
        } catch (StateConflictException e) {
            LOG.debugf("Run %s ended before its cron entry's next firing replaced it", run);
        }
    }

    private void start(long claim, String app, String entryId, String command) {
        Optional<RunView> run = runService.start(app, requestOf(command), Run.cronTrigger(entryId));
        record(claim, run.map(RunView::id).orElse(null), run.isEmpty() ? "the app was deleted" : null);
    }

    private void record(long claim, String runId, String skipReason) {
        QuarkusTransaction.requiringNew().run(() -> {
            CronFiring firing = firings.findById(claim);
            if (firing == null) {
                return;
            }
            if (runId != null) {
                firing.ran(runId);
            }
            if (skipReason != null) {
                firing.skipped(skipReason);
            }
        });
    }
}
