package io.slipway.gateway.service;

import io.slipway.contract.ProcessState;
import io.slipway.gateway.AppView.ProcessView;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.repository.PoolReport;
import io.slipway.gateway.repository.PoolReportRepository;
import io.slipway.gateway.repository.ReportedProcess;
import io.slipway.gateway.repository.ReportedProcessRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The apps' process containers as the engines of their pools last reported them (the embedded engine in process,
 * workers through the broker): the gateway asks no engine. A report replaces its pool's rows, so what is shown is at
 * most one report interval old, and a deployment's end comes after the report of the processes it left.
 *
 * <p>When the pool's engine reported that it could not list its containers, or (embedded) has not reported for a
 * worker lease, the app shows the processes last reported, their state {@code UNKNOWN}, and why. In remote mode a
 * worker's silence is the lease's business ({@code LostWorkers}, which allows for the broker's delays): a report
 * stored late is no sign of a stale engine.
 *
 * <p>What is stored is kept between reads, as the app list is read far more often than reports come: it is read
 * again once this gateway committed a report ({@link AppViewChanges}), and in remote mode once older than
 * {@code SLIPWAY_GATEWAY_PROCESS_STATE_MAX_AGE}, for what other gateway replicas stored.
 */
@ApplicationScoped
public class StoredProcesses {

    private record Stored(long reports, long atNanos, Map<String, List<ProcessRow>> byApp, Map<String, Pool> pools) {}

    private record ProcessRow(String pool, ProcessView view) {}

    private record Pool(Instant reportedAt, Optional<String> engineError, String engine, Optional<Boolean> limits) {}

    private final ReportedProcessRepository processes;
    private final PoolReportRepository pools;
    /** Empty in remote mode. */
    private final Optional<Duration> silenceLimit;

    private final long maxAgeNanos;
    private final AppViewChanges changes;
    private volatile Stored stored;

    @Inject
    StoredProcesses(
            ReportedProcessRepository processes,
            PoolReportRepository pools,
            AppViewChanges changes,
            GatewayConfig config) {
        this.processes = processes;
        this.changes = changes;
        this.pools = pools;
        this.silenceLimit = config.engine().isRemote() ? Optional.empty() : Optional.of(config.workerLease());
        this.maxAgeNanos = config.engine().isRemote()
                ? config.gateway().processStateMaxAge().toNanos()
                : Long.MAX_VALUE;
    }

    /** Every app's processes, with why their state is unknown where it is. */
    public Listing current() {
        Stored kept = stored;
        if (!isCurrent(kept)) {
            kept = readOnce();
        }
        return new Listing(kept, silenceLimit.map(Instant.now()::minus).orElse(Instant.MIN));
    }

    /** One read reads what is stored while the others wait for it instead of reading their own. */
    private synchronized Stored readOnce() {
        Stored kept = stored;
        if (!isCurrent(kept)) {
            kept = read(changes.reports(), System.nanoTime());
            stored = kept;
        }
        return kept;
    }

    private boolean isCurrent(Stored kept) {
        return kept != null && kept.reports() == changes.reports() && System.nanoTime() - kept.atNanos() < maxAgeNanos;
    }

    /**
     * Whether the engine of {@code pool} said it cannot enforce memory and CPU limits: then its description; empty
     * when it can, or did not say.
     */
    public Optional<String> engineWithoutLimits(String pool) {
        Pool report = current().stored.pools().get(pool);
        return report == null || report.limits().orElse(true) ? Optional.empty() : Optional.of(report.engine());
    }

    @Transactional
    Stored read(long before, long startedNanos) {
        Map<String, List<ProcessRow>> byApp = processes.listByName().stream()
                .collect(Collectors.groupingBy(
                        ReportedProcess::app,
                        Collectors.mapping(
                                process -> new ProcessRow(process.pool(), toView(process)), Collectors.toList())));
        Map<String, Pool> byPool = pools.listAll().stream()
                .collect(Collectors.toMap(PoolReport::pool, StoredProcesses::toPool, (first, second) -> first));
        return new Stored(before, startedNanos, byApp, byPool);
    }

    private static Pool toPool(PoolReport report) {
        return new Pool(report.reportedAt(), report.engineError(), report.engine(), report.enforcesLimits());
    }

    private static ProcessView toView(ReportedProcess process) {
        return new ProcessView(
                process.type(),
                process.containerId(),
                process.name(),
                process.deploymentId(),
                ProcessState.named(process.state()),
                process.address(),
                process.restarts(),
                process.startedAt());
    }

    /** The processes as stored, read at one moment: a pool not heard from since {@code staleBefore} is stale. */
    public static final class Listing {

        private final Stored stored;
        private final Instant staleBefore;

        private Listing(Stored stored, Instant staleBefore) {
            this.stored = stored;
            this.staleBefore = staleBefore;
        }

        public List<ProcessView> of(String app) {
            return stored.byApp().getOrDefault(app, List.of()).stream()
                    .map(row -> engineError(row.pool()).isEmpty() ? row.view() : unknown(row.view()))
                    .toList();
        }

        /**
         * Whether this listing shows what {@code other} shows: it was read from the same stored reports, and the same
         * pools have gone silent since.
         */
        public boolean showsAs(Listing other) {
            return stored == other.stored && silentPools().equals(other.silentPools());
        }

        private Set<String> silentPools() {
            Set<String> silent = new HashSet<>();
            stored.pools().forEach((pool, report) -> {
                if (report.reportedAt().isBefore(staleBefore)) {
                    silent.add(pool);
                }
            });
            return silent;
        }

        /** Why the processes of {@code pool} are those last reported, their state unknown; empty when they are not. */
        public Optional<String> engineError(String pool) {
            Pool report = stored.pools().get(pool);
            if (report == null) {
                return Optional.empty();
            }
            if (report.engineError().isPresent()) {
                return report.engineError();
            }
            return report.reportedAt().isBefore(staleBefore)
                    ? Optional.of("the engine has not reported since " + report.reportedAt())
                    : Optional.empty();
        }

        private static ProcessView unknown(ProcessView view) {
            return new ProcessView(
                    view.type(),
                    view.containerId(),
                    view.name(),
                    view.deploymentId(),
                    ProcessState.UNKNOWN,
                    view.address(),
                    view.restarts(),
                    view.startedAt());
        }
    }
}
