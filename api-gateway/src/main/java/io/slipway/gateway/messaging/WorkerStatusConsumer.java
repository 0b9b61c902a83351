package io.slipway.gateway.messaging;

import io.slipway.contract.WorkerStatus;
import io.slipway.gateway.worker.LostWorkers;
import io.slipway.gateway.worker.WorkerReports;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The workers' reports, in remote mode (nothing arrives when embedded). A report that cannot be stored is dropped:
 * the next one, seconds later, says the same and more.
 */
@ApplicationScoped
public class WorkerStatusConsumer {

    private final WorkerReports reports;
    private final LostWorkers lostWorkers;

    public WorkerStatusConsumer(WorkerReports reports, LostWorkers lostWorkers) {
        this.reports = reports;
        this.lostWorkers = lostWorkers;
    }

    @Incoming(RemoteChannels.WORKER_STATUS)
    @Blocking
    public void onStatus(WorkerStatus status) {
        if (reports.store(status)) {
            lostWorkers.endDisowned(status);
        }
    }
}
