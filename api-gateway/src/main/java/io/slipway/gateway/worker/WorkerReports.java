package io.slipway.gateway.worker;

import io.slipway.contract.WorkerStatus;
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
 * Stores what workers report (remote mode): that each is alive, and the process containers of its pool's engine.
 * The newest report of a pool replaces the pool's containers; an older one (redelivered, or from a worker whose
 * listing was slower) changes only its worker's last-seen time, and never moves it back.
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

    public WorkerReports(WorkerRepository workers, ReportedProcessRepository processes) {
        this.workers = workers;
        this.processes = processes;
    }

    /** @return whether the report was stored (else it was malformed, and logged) */
    @Transactional
    public boolean store(WorkerStatus status) {
        String problem = problem(status);
        if (problem != null) {
            LOG.warnf("Ignoring a worker report: %s", problem);
            return false;
        }
        // A worker's clock ahead of the gateway's must not buy its deployments time.
        Instant now = Instant.now();
        Instant at = status.at().isAfter(now) ? now : status.at();
        String engine = status.engine() == null ? "" : status.engine();
        if (engine.length() > WorkerRecord.MAX_ENGINE_LENGTH) {
            engine = engine.substring(0, WorkerRecord.MAX_ENGINE_LENGTH);
        }
        WorkerRecord worker = workers.findById(status.workerId());
        if (worker == null) {
            workers.persist(new WorkerRecord(status.workerId(), status.pool(), engine, at));
        } else {
            worker.heard(status.pool(), engine, at);
        }
        boolean newest = processes
                .reportedAt(status.pool())
                .map(stored -> !stored.isAfter(at))
                .orElse(true);
        if (newest) {
            processes.deleteOfPool(status.pool());
            status.processes().stream()
                    .filter(ReportedProcess::fits)
                    .forEach(process -> processes.persist(new ReportedProcess(status.pool(), process, at)));
        }
        return true;
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
