package io.slipway.engine.service;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentStatus;
import io.slipway.engine.claim.ClaimLoop;
import io.slipway.engine.claim.GatewayClient;
import io.slipway.engine.claim.GatewayUnavailable;
import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.messaging.DeploymentEventPublisher;
import io.slipway.engine.pipeline.AppRemoval;
import io.slipway.engine.pipeline.CurrentRoutes;
import io.slipway.engine.pipeline.DeploymentLanes;
import io.slipway.engine.pipeline.DeploymentPipeline;
import io.slipway.engine.pipeline.InterruptedDeploymentRecovery;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.router.Router;
import io.slipway.runtime.router.RouterException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Takes deploy commands, keeps each app's deployments in their lane, and runs each once it is claimed: at
 * once for the embedded engine, after the gateway granted it for a distributed worker (which also downloads
 * its build context first).
 */
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
    private final ClaimLoop claims;
    private final Optional<GatewayClient> gateway;
    private final PendingAcks acks = new PendingAcks();
    private final RunningDeployments running;
    private final Event<WorkerStateChanged> changed;

    public DeploymentWorker(
            DeploymentPipeline pipeline,
            AppRemoval removal,
            InterruptedDeploymentRecovery recovery,
            DeploymentEventPublisher publisher,
            EngineConfig config,
            Router router,
            ContainerRuntime runtime,
            GatewayLink gatewayLink,
            RunningDeployments running,
            Event<WorkerStateChanged> changed) {
        this.claims = new ClaimLoop(gatewayLink.claims(), ClaimLoop.Pause.SLEEP);
        this.gateway = gatewayLink.client();
        this.running = running;
        this.changed = changed;
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

    /**
     * Queues a deployment. A distributed worker runs {@code ack} once the start is settled (see {@link
     * PendingAcks}); every other worker at once, as its claims are granted on arrival: the gateway that embeds
     * the engine waits for that acknowledgement, and must not wait for the app's earlier deployments.
     */
    public void submit(DeploymentOrder order, Runnable ack) {
        if (gateway.isPresent()) {
            acks.hold(order.deploymentId(), ack);
        } else {
            ack.run();
        }
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
            changed.fire(new WorkerStateChanged());
        }));
    }

    /**
     * Removes what a deployment its lost worker left (the gateway ended it {@code worker lost}), in the app's
     * lane, and routes the app to what runs as current. Only that deployment's containers are touched.
     */
    public void cleanUp(String app, String deploymentId) {
        lanes.runInLane(app, reportingFailure("clean up deployment " + deploymentId, () -> {
            List<String> problems = recovery.cleanUp(app, deploymentId);
            routeTo(app, currentRoutes.read().getOrDefault(app, List.of()));
            problems.forEach(problem -> LOG.warnf("Cleaning up %s: %s", deploymentId, problem));
            LOG.infof("Removed what deployment %s of %s left behind", deploymentId, app);
            changed.fire(new WorkerStateChanged());
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
        ClaimLoop.Outcome claim = claims.claim(order.deploymentId(), cancellation);
        if (claim == ClaimLoop.Outcome.STOPPED) {
            return;
        }
        acks.settle(order.deploymentId());
        if (claim == ClaimLoop.Outcome.CANCELLED) {
            cancelledWhileQueued(order);
        }
        if (claim != ClaimLoop.Outcome.GRANTED) {
            return;
        }
        running.add(order.deploymentId());
        try {
            runClaimed(order, cancellation);
        } finally {
            running.remove(order.deploymentId());
            changed.fire(new WorkerStateChanged());
        }
    }

    private void runClaimed(DeploymentOrder order, Cancellation cancellation) {
        if (gateway.isEmpty() || order.kind() != DeploymentKind.BUILD_CONTEXT) {
            finish(order, pipeline.run(order, publisher::publish, cancellation));
            return;
        }
        Path context = null;
        try {
            context = Files.createTempFile("slipway-context-", ".tar");
            gateway.get().downloadBuildContext(order.deploymentId(), context);
            finish(order, pipeline.run(withContext(order, context), publisher::publish, cancellation));
        } catch (IOException | GatewayUnavailable e) {
            LOG.warnf(
                    "Deployment %s of %s: build context not downloaded: %s",
                    order.deploymentId(), order.app(), e.getMessage());
            publisher.publish(new DeploymentEvent.Finished(
                    order.deploymentId(),
                    order.app(),
                    1,
                    Clock.systemUTC().instant(),
                    DeploymentStatus.FAILED,
                    "build context not available from the gateway",
                    null));
        } finally {
            deleteQuietly(context);
        }
    }

    private static void finish(DeploymentOrder order, DeploymentStatus status) {
        LOG.infof("Deployment %s of %s ended %s", order.deploymentId(), order.app(), status);
    }

    /** The order with its context at {@code path}, this worker's own copy of the uploaded one. */
    private static DeploymentOrder withContext(DeploymentOrder order, Path path) {
        return new DeploymentOrder(
                order.deploymentId(),
                order.app(),
                order.kind(),
                order.image(),
                Optional.of(path.toString()),
                order.appJsonPath(),
                order.procfilePath(),
                order.manifests(),
                order.config(),
                order.formation(),
                order.taskTimeout(),
                order.limits(),
                order.network());
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete the downloaded build context %s: %s", file, e.getMessage());
        }
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
        acks.settle(order.deploymentId());
        publisher.publish(new DeploymentEvent.Finished(
                order.deploymentId(),
                order.app(),
                1,
                Clock.systemUTC().instant(),
                DeploymentStatus.CANCELLED,
                "cancelled",
                null));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
