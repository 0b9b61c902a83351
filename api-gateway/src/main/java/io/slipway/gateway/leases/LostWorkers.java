package io.slipway.gateway.leases;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.WorkerStatus;
import io.slipway.gateway.CommandNotSentException;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.messaging.EngineCommands;
import io.slipway.gateway.messaging.PoolTopics;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.DeploymentRepository;
import io.slipway.gateway.repository.WorkerRecord;
import io.slipway.gateway.repository.WorkerRepository;
import io.slipway.gateway.service.DeploymentEventLanes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Ends the deployments of workers that went silent (remote mode). Every {@value #PERIOD_SECONDS} s, a claimed
 * deployment that has not ended and whose worker was last heard (or, before its first report, claimed it) more than
 * the lease ago ends {@code FAILED} with reason {@value #WORKER_LOST}: a {@code Finished} event numbered after the
 * last one stored goes through the event store like any other, so phases, logs, webhooks and live streams end the
 * same way, and whatever the lost worker still sends is dropped. Then a live worker of the app's pool is asked to
 * remove what the deployment left ({@code CleanUp}). Every replica runs this; the event store applies each end once,
 * and only the replica that applied it sends the clean-up.
 *
 * <p>Workers report through the broker, so silence means nothing while no gateway reads their reports: no lease
 * runs out unless, for a whole lease, the broker has answered this gateway and a gateway replica has held the
 * reports' topic (the replicas' consumer group stable, not rebalancing), since the broker came back or since this
 * gateway started. A broker that answers again is not enough: after a restart, the replicas' consumers take seconds
 * more to join their group again, and the reports wait in the topic meanwhile. A broker restart longer than the
 * lease therefore fails no deployment whose worker lives on.
 */
@ApplicationScoped
public class LostWorkers {

    public static final String WORKER_LOST = "worker lost";

    static final long PERIOD_SECONDS = 2;

    private static final Logger LOG = Logger.getLogger(LostWorkers.class);

    private final DeploymentRepository deployments;
    private final WorkerRepository workers;
    private final DeploymentEventLanes events;
    private final EngineCommands engine;
    private final Duration lease;
    private final boolean remote;
    /** Clean-ups the broker did not take yet, by deployment id, with their app: asked again each round. */
    private final Map<String, String> unsentCleanUps = new ConcurrentHashMap<>();

    private final PoolTopics broker;
    private final LeaseClock clock;

    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "slipway-worker-leases");
        thread.setDaemon(true);
        return thread;
    });

    public LostWorkers(
            DeploymentRepository deployments,
            WorkerRepository workers,
            DeploymentEventLanes events,
            EngineCommands engine,
            PoolTopics broker,
            GatewayConfig config) {
        this.broker = broker;
        this.deployments = deployments;
        this.workers = workers;
        this.events = events;
        this.engine = engine;
        this.lease = config.workerLease();
        this.clock = new LeaseClock(lease);
        this.remote = config.engine().isRemote();
    }

    void onStart(@Observes StartupEvent start) {
        if (remote) {
            rounds.scheduleWithFixedDelay(this::roundSafely, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void roundSafely() {
        Instant now = Instant.now();
        if (!reportsReadForALease(now)) {
            return;
        }
        try {
            endLost(now);
        } catch (RuntimeException e) {
            // The database may be away; the next round tries again.
            LOG.warnf("Cannot look for lost workers' deployments: %s", e.getMessage());
        }
    }

    private boolean reportsReadForALease(Instant now) {
        boolean read;
        try {
            read = broker.reportsRead();
        } catch (ExecutionException | TimeoutException e) {
            read = false;
            LOG.debugf("The broker does not answer (%s): no worker's lease runs out until it does", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        boolean readBefore = clock.reportsRead();
        boolean mayRunOut = clock.leasesMayRunOut(read, now);
        if (read != readBefore) {
            if (read) {
                LOG.infof("Workers' reports are read: a worker silent for %s from now on loses its deployments", lease);
            } else {
                LOG.info("No gateway reads the workers' reports: no worker's lease runs out until one does again");
            }
        }
        return mayRunOut;
    }

    /** @return how many deployments this call ended */
    public int endLost(Instant now) {
        return end(lost(now), now, "was not heard for " + lease);
    }

    /**
     * A worker that reports without a deployment it claimed no longer holds it: it restarted under the same id
     * (its reports keep its lease alive, so the lease alone would never end it). Only deployments claimed well
     * before the report was made count, so a report on its way while a claim was granted fails nothing.
     *
     * @return how many deployments this call ended
     */
    public int endDisowned(WorkerStatus report) {
        Instant now = Instant.now();
        return end(disowned(report, now), now, "reports it no longer runs it (it restarted)");
    }

    private int end(List<Lost> deployments, Instant now, String why) {
        int ended = 0;
        for (Lost lost : deployments) {
            DeploymentEvent.Finished end = new DeploymentEvent.Finished(
                    lost.id(), lost.app(), lost.lastSeq() + 1, now, DeploymentStatus.FAILED, WORKER_LOST, null);
            if (!events.applyNow(List.of(end)).isEmpty()) {
                LOG.warnf("Deployment %s of %s failed: its worker %s %s", lost.id(), lost.app(), lost.workerId(), why);
                unsentCleanUps.put(lost.id(), lost.app());
                ended++;
            }
        }
        unsentCleanUps.forEach(this::sendCleanUp);
        return ended;
    }

    /** How much older than a report a claim must be to count as known to the worker when it reported. */
    static final Duration REPORT_MARGIN = Duration.ofSeconds(5);

    @Transactional
    List<Lost> disowned(WorkerStatus report, Instant now) {
        Instant at = report.at().isAfter(now) ? now : report.at();
        Instant claimedBefore = at.minus(REPORT_MARGIN);
        return deployments.activeClaimed().stream()
                .filter(deployment -> deployment.workerId().orElseThrow().equals(report.workerId()))
                .filter(deployment ->
                        deployment.claimedAt().orElse(Instant.EPOCH).isBefore(claimedBefore))
                .filter(deployment -> !report.running().contains(deployment.id()))
                .map(Lost::of)
                .toList();
    }

    private void sendCleanUp(String deploymentId, String app) {
        try {
            engine.cleanUp(app, deploymentId);
            unsentCleanUps.remove(deploymentId);
        } catch (CommandNotSentException e) {
            LOG.debugf("Clean-up of deployment %s not sent yet: %s", deploymentId, e.getMessage());
        }
    }

    record Lost(String id, String app, String workerId, long lastSeq) {

        /** A claimed deployment, as it is ended. */
        static Lost of(Deployment deployment) {
            return new Lost(
                    deployment.id(), deployment.app(), deployment.workerId().orElseThrow(), deployment.lastEventSeq());
        }
    }

    @Transactional
    List<Lost> lost(Instant now) {
        Instant silentSince = now.minus(lease);
        return deployments.activeClaimed().stream()
                .filter(deployment -> lastHeard(deployment).isBefore(silentSince))
                .map(Lost::of)
                .toList();
    }

    /** The later of its worker's last report and its claim: a claim counts as being heard. */
    private Instant lastHeard(Deployment deployment) {
        Instant claimed = deployment.claimedAt().orElse(Instant.EPOCH);
        Optional<Instant> reported =
                deployment.workerId().map(workers::findById).map(WorkerRecord::lastSeen);
        return reported.filter(seen -> seen.isAfter(claimed)).orElse(claimed);
    }

    /** At shutdown, before the database goes away. */
    void stop(@Observes ShutdownEvent shutdown) {
        rounds.shutdownNow();
    }
}
