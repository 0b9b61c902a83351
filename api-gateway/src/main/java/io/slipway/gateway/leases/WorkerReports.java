package io.slipway.gateway.leases;

import io.slipway.contract.WorkerStatus;
import io.slipway.gateway.repository.PoolReport;
import io.slipway.gateway.repository.PoolReportRepository;
import io.slipway.gateway.repository.ReportedProcess;
import io.slipway.gateway.repository.ReportedProcessRepository;
import io.slipway.gateway.repository.WorkerRecord;
import io.slipway.gateway.repository.WorkerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Stores what engines report: a worker (remote mode) that it is alive, and every engine, the embedded one included,
 * the process containers of its pool and what it says of itself ({@link PoolReport}). The newest report of a pool
 * replaces the pool's containers, unless it says why the engine listed none (then the last listed stay); an older one
 * (redelivered, or from a worker whose listing was slower) changes only its worker's last-seen time, and never moves
 * it back.
 */
@ApplicationScoped
public class WorkerReports {

    private static final Logger LOG = Logger.getLogger(WorkerReports.class);

    /** A pool is named like an app. */
    public static final Pattern POOL_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /** More than any engine of one host runs; a report beyond it is not ours to store. */
    static final int MAX_PROCESSES = 10_000;

    private final WorkerRepository workers;
    private final ReportedProcessRepository processes;
    private final PoolReportRepository pools;

    public WorkerReports(WorkerRepository workers, ReportedProcessRepository processes, PoolReportRepository pools) {
        this.workers = workers;
        this.processes = processes;
        this.pools = pools;
    }

    /** A worker's report: its lease, and what its pool's engine runs. */
    @Transactional
    public boolean store(WorkerStatus status) {
        if (!valid(status)) {
            return false;
        }
        Instant at = at(status);
        String engine = engine(status);
        WorkerRecord worker = workers.findById(status.workerId());
        if (worker == null) {
            workers.persist(new WorkerRecord(status.workerId(), status.pool(), engine, at));
        } else {
            worker.heard(status.pool(), engine, at);
        }
        storeProcesses(status, engine, at);
        return true;
    }

    /** The embedded engine's report: only what runs, as it holds no lease. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean storeEmbedded(WorkerStatus status) {
        if (!valid(status)) {
            return false;
        }
        storeProcesses(status, engine(status), at(status));
        return true;
    }

    /** @return whether the report can be stored (else it was malformed, and logged) */
    private static boolean valid(WorkerStatus status) {
        String problem = problem(status);
        if (problem != null) {
            LOG.warnf("Ignoring a worker report: %s", problem);
        }
        return problem == null;
    }

    /** A worker's clock ahead of the gateway's must not buy its deployments time. */
    private static Instant at(WorkerStatus status) {
        Instant now = Instant.now();
        return status.at().isAfter(now) ? now : status.at();
    }

    private static String engine(WorkerStatus status) {
        String engine = status.engine() == null ? "" : status.engine();
        return engine.length() > WorkerRecord.MAX_ENGINE_LENGTH
                ? engine.substring(0, WorkerRecord.MAX_ENGINE_LENGTH)
                : engine;
    }

    private void storeProcesses(WorkerStatus status, String engine, Instant at) {
        PoolReport pool = pools.findById(status.pool());
        if (pool != null && pool.reportedAt().isAfter(at)) {
            return;
        }
        if (pool == null) {
            pool = new PoolReport(status.pool());
            pool.reported(engine, at, status.engineError(), status.enforcesLimits());
            pools.persist(pool);
        } else {
            pool.reported(engine, at, status.engineError(), status.enforcesLimits());
        }
        if (status.engineError() == null) {
            processes.deleteOfPool(status.pool());
            status.processes().stream()
                    .filter(ReportedProcess::fits)
                    .forEach(process -> processes.persist(new ReportedProcess(status.pool(), process, at)));
        }
    }

    private static String problem(WorkerStatus status) {
        if (status == null) {
            return "not a worker report";
        }
        if (status.workerId() == null
                || status.workerId().isBlank()
                || status.workerId().length() > WorkerRecord.MAX_ID_LENGTH) {
            return "its worker id is missing or longer than " + WorkerRecord.MAX_ID_LENGTH;
        }
        if (status.pool() == null || !POOL_NAME.matcher(status.pool()).matches()) {
            return "worker " + status.workerId() + " names no valid pool";
        }
        if (status.at() == null) {
            return "worker " + status.workerId() + " sent a report without its time";
        }
        if (status.processes().size() > MAX_PROCESSES) {
            return "worker " + status.workerId() + " reported more than " + MAX_PROCESSES + " containers";
        }
        return null;
    }
}
