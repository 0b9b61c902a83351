package io.slipway.engine.service;

import io.quarkus.runtime.StartupEvent;
import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentStatus;
import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.messaging.DeploymentEventPublisher;
import io.slipway.engine.pipeline.AppRemoval;
import io.slipway.engine.pipeline.CurrentRoutes;
import io.slipway.engine.pipeline.DeploymentLanes;
import io.slipway.engine.pipeline.DeploymentPipeline;
import io.slipway.engine.pipeline.InterruptedDeploymentRecovery;
import io.slipway.engine.pipeline.LeftoverSweeper;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.router.Router;
import io.slipway.runtime.router.RouterException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/** Takes deploy commands, keeps each app's deployments in their lane, and runs them. */
@ApplicationScoped
public class DeploymentWorker implements DeploymentLanes.Work {

    private static final Logger LOG = Logger.getLogger(DeploymentWorker.class);

    private final DeploymentPipeline pipeline;
    private final AppRemoval removal;
    private final InterruptedDeploymentRecovery recovery;
    private final DeploymentEventPublisher publisher;
    private final ExecutorService executor;
    private final DeploymentLanes lanes;
    private final Router router;
    private final CurrentRoutes currentRoutes;

    public DeploymentWorker(
            DeploymentPipeline pipeline,
            AppRemoval removal,
            InterruptedDeploymentRecovery recovery,
            DeploymentEventPublisher publisher,
            EngineConfig config,
            Router router,
            ContainerRuntime runtime) {
        this.router = router;
        this.currentRoutes = new CurrentRoutes(runtime);
        this.pipeline = pipeline;
        this.removal = removal;
        this.recovery = recovery;
        this.publisher = publisher;
        this.executor = Executors.newFixedThreadPool(config.pipeline().parallelism(), runnable -> {
            Thread thread = new Thread(runnable, "slipway-deploy");
            thread.setDaemon(true);
            return thread;
        });
        this.lanes = new DeploymentLanes(executor, this);
    }

    public void submit(DeploymentOrder order) {
        if (!lanes.submit(order)) {
            LOG.infof("Ignoring deployment %s: already accepted (a redelivered request)", order.deploymentId());
        }
    }

    public void cancel(String deploymentId) {
        if (!lanes.cancel(deploymentId)) {
            LOG.debugf("Cancel of %s: not queued or running here", deploymentId);
        }
    }

    /** Removes everything the app has on the engine, in the app's lane so no deployment of it races the removal. */
    public void deleteApp(String app) {
        lanes.runInLane(app, reportingFailure("delete app " + app, () -> {
            routeTo(app, List.of());
            removal.removeApp(app).forEach(problem -> LOG.warnf("Deleting app %s: %s", app, problem));
        }));
    }

    /** A router that does not answer must not stop the engine's work; its routes are re-applied later. */
    private void routeTo(String app, List<String> upstreams) {
        try {
            router.route(app, upstreams);
        } catch (RouterException e) {
            LOG.warnf("Route of %s not changed: %s", app, e.getMessage());
        }
    }

    /**
     * Settles a deployment a restart left unfinished, in the app's lane: this process never ran it, so
     * the engine alone tells whether its release switch happened.
     */
    public void recover(String app, String deploymentId, long lastSeq) {
        lanes.runInLane(app, reportingFailure("recover deployment " + deploymentId, () -> {
            InterruptedDeploymentRecovery.Outcome outcome = recovery.recover(app, deploymentId);
            // The interrupted deployment may have switched traffic: route to what runs as current now.
            routeTo(app, currentRoutes.read().getOrDefault(app, List.of()));
            outcome.problems().forEach(problem -> LOG.warnf("Recovering %s: %s", deploymentId, problem));
            LOG.infof("Deployment %s of %s, interrupted by a restart, ended %s", deploymentId, app, outcome.status());
            publisher.publish(new DeploymentEvent.Finished(
                    deploymentId,
                    app,
                    lastSeq + 1,
                    Clock.systemUTC().instant(),
                    outcome.status(),
                    outcome.reason(),
                    outcome.releaseImage()));
        }));
    }

    /** Removes images in the app's lane, so none is removed while a deployment of the app may use it. */
    public void removeImages(String app, List<String> images) {
        lanes.runInLane(
                app, reportingFailure("remove old releases of " + app, () -> removal.removeImages(app, images)));
    }

    @Override
    public void run(DeploymentOrder order, Cancellation cancellation) {
        DeploymentStatus status = pipeline.run(order, publisher::publish, cancellation);
        LOG.infof("Deployment %s of %s ended %s", order.deploymentId(), order.app(), status);
    }

    /** Maintenance has nobody waiting for its result: an engine error is logged, not lost in a thread pool. */
    private static Runnable reportingFailure(String what, Runnable action) {
        return () -> {
            try {
                action.run();
            } catch (ContainerRuntimeException e) {
                LOG.warnf("Could not %s: %s", what, e.getMessage());
            }
        };
    }

    @Override
    public void cancelledWhileQueued(DeploymentOrder order) {
        publisher.publish(new DeploymentEvent.Finished(
                order.deploymentId(),
                order.app(),
                1,
                Clock.systemUTC().instant(),
                DeploymentStatus.CANCELLED,
                "cancelled",
                null));
    }

    /**
     * A worker that starts finds no deployment of its own running: whatever task or unfinished
     * release it finds on the engine was left by a crash and would otherwise run on unwatched.
     */
    void removeLeftovers(@Observes StartupEvent start, EngineConfig config, LeftoverSweeper sweeper) {
        if (config.pipeline().removeLeftoversOnStart()) {
            LeftoverSweeper.Sweep sweep = sweeper.removeLeftoversOfInterruptedDeployments();
            sweep.removed().forEach(name -> LOG.infof("Removed %s, left by an interrupted deployment", name));
            sweep.problems().forEach(problem -> LOG.warnf("Leftover of an interrupted deployment: %s", problem));
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
