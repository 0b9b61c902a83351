package io.slipway.engine.service;

import io.slipway.contract.DeployCommand;
import io.slipway.contract.DeploymentOrder;
import io.slipway.engine.claim.ClaimLoop;
import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.messaging.DeploymentEventPublisher;
import io.slipway.engine.pipeline.AppLanes;
import io.slipway.engine.pipeline.DeploymentPipeline;
import io.slipway.runtime.ContainerRuntimeException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Sends each command where it runs: a start becomes a {@link DeploymentRun} in its app's lane, a cancel reaches the
 * deployment wherever it waits or runs, and every other command is {@link AppMaintenance} in the app's lane, after
 * the deployments queued before it. One-off runs go beside the lanes ({@link OneOffRuns}).
 */
@ApplicationScoped
public class DeploymentWorker {

    private static final Logger LOG = Logger.getLogger(DeploymentWorker.class);

    private final ExecutorService executor;
    private final AppLanes lanes;
    private final DeploymentRun.Shared runs;
    private final AppMaintenance maintenance;
    private final OneOffRuns oneOffRuns;
    private final boolean distributed;
    private final EngineStart started;

    public DeploymentWorker(
            DeploymentPipeline pipeline,
            AppMaintenance maintenance,
            OneOffRuns oneOffRuns,
            DeploymentEventPublisher publisher,
            EngineConfig config,
            GatewayLink gatewayLink,
            RunningDeployments running,
            Event<WorkerStateChanged> changed,
            EngineStart started) {
        this.started = started;
        this.executor =
                Executors.newFixedThreadPool(config.pipeline().parallelism(), DaemonThreads.named("slipway-deploy"));
        this.lanes = new AppLanes(executor);
        this.maintenance = maintenance;
        this.oneOffRuns = oneOffRuns;
        this.distributed = gatewayLink.client().isPresent();
        this.runs = new DeploymentRun.Shared(
                new ClaimLoop(gatewayLink.claims(), ClaimLoop.Pause.SLEEP),
                new PendingAcks(),
                gatewayLink.client().map(gateway -> gateway::downloadBuildContext),
                pipeline,
                publisher::publish,
                running,
                () -> changed.fire(new WorkerStateChanged()));
    }

    /**
     * Takes one command; {@code ack} acknowledges it. A distributed worker acknowledges a start once it is settled
     * (see {@link PendingAcks}); every other worker at once, as its claims are granted on arrival: the gateway that
     * embeds the engine waits for that acknowledgement, and must not wait for the app's earlier deployments. Every
     * other command is acknowledged once handed over. Commands run once the engine's start-up work is done
     * ({@link EngineStart}).
     */
    public void dispatch(DeployCommand command, Runnable ack) {
        if (!distributed && !started.finished()) {
            // Held until the start-up work is done (EngineStart); the gateway need not wait for that.
            ack.run();
            started.afterStart(() -> dispatchNow(command, () -> {}));
            return;
        }
        started.afterStart(() -> dispatchNow(command, ack));
    }

    private void dispatchNow(DeployCommand command, Runnable ack) {
        if (command instanceof DeployCommand.Start start) {
            start(start.order(), ack);
            return;
        }
        if (command instanceof DeployCommand.Cancel cancel) {
            cancel(cancel.deploymentId());
        } else if (command instanceof DeployCommand.DeleteApp delete) {
            String app = delete.app();
            inLane(app, "delete app " + app, () -> maintenance.deleteApp(app));
        } else if (command instanceof DeployCommand.RemoveImages remove) {
            String app = remove.app();
            inLane(app, "remove old releases of " + app, () -> maintenance.removeImages(app, remove.images()));
        } else if (command instanceof DeployCommand.Recover recover) {
            String id = recover.deploymentId();
            inLane(
                    recover.app(),
                    "recover deployment " + id,
                    () -> maintenance.recover(recover.app(), id, recover.lastSeq()));
        } else if (command instanceof DeployCommand.CleanUp cleanUp) {
            String id = cleanUp.deploymentId();
            inLane(cleanUp.app(), "clean up deployment " + id, () -> maintenance.cleanUp(cleanUp.app(), id));
        } else if (command instanceof DeployCommand.Retire retire) {
            // In the lane only to take them off the route and mark them pending; their retirement waits outside it.
            inLane(
                    retire.app(),
                    "retire what " + retire.deploymentId() + " replaced",
                    () -> maintenance.retire(retire));
        } else if (command instanceof DeployCommand.StartRun run) {
            oneOffRuns.start(run.order());
        } else if (command instanceof DeployCommand.CancelRun cancelRun) {
            oneOffRuns.cancel(cancelRun.runId());
        }
        ack.run();
    }

    private void start(DeploymentOrder order, Runnable ack) {
        if (distributed) {
            runs.acks().hold(order.deploymentId(), ack);
        } else {
            ack.run();
        }
        if (!lanes.submit(order.app(), order.deploymentId(), new DeploymentRun(order, runs))) {
            LOG.infof("Ignoring deployment %s: already accepted (a redelivered request)", order.deploymentId());
        }
    }

    private void cancel(String deploymentId) {
        if (!lanes.cancel(deploymentId)) {
            LOG.debugf("Cancel of %s: not queued or running here", deploymentId);
        }
    }

    /** Maintenance has nobody waiting for its result: an engine error is logged, not lost in a thread pool. */
    private void inLane(String app, String what, Runnable action) {
        lanes.runInLane(app, () -> {
            try {
                action.run();
            } catch (ContainerRuntimeException e) {
                LOG.warnf("Could not %s: %s", what, e.getMessage());
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
