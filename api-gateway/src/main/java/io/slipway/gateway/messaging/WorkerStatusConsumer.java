package io.slipway.gateway.messaging;

import io.slipway.contract.WorkerStatus;
import io.slipway.gateway.leases.LostWorkers;
import io.slipway.gateway.leases.WorkerReports;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The engines' reports: the workers' through the broker in remote mode, the embedded engine's in process (a CDI
 * event it fires on its own threads, and on the thread that is about to publish a deployment's end, which waits until
 * the report is stored). A report that cannot be stored is dropped: the next one, seconds later, says the same and
 * more.
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

    /** The embedded engine holds no lease and claims nothing: its report only says what runs. */
    void onEmbeddedStatus(@Observes WorkerStatus status) {
        reports.storeEmbedded(status);
    }
}
