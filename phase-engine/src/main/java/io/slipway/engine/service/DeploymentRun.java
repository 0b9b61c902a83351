package io.slipway.engine.service;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentStatus;
import io.slipway.engine.claim.ClaimLoop;
import io.slipway.engine.claim.GatewayUnavailable;
import io.slipway.engine.pipeline.AppLanes;
import io.slipway.engine.pipeline.DeploymentPipeline;
import io.slipway.engine.pipeline.EventRecorder;
import io.slipway.runtime.Cancellation;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One deployment's turn in its app's lane, read top to bottom: claim it, get its build context, run its pipeline,
 * report its end. The start's acknowledgement waits until the claim is settled (granted, refused or cancelled),
 * never while the claim waits. Every end reported here (cancelled before it ran, a build context that never came)
 * comes from the deployment's {@link EventRecorder}, numbered in the deployment's own sequence.
 */
final class DeploymentRun implements AppLanes.Job {

    /**
     * What the runs of one worker share.
     *
     * @param contexts where build contexts are downloaded from; empty when the engine shares the gateway's disk
     * @param reportChange tells the worker's reports that a deployment ended
     */
    record Shared(
            ClaimLoop claims,
            PendingAcks acks,
            Optional<BuildContextCopy.Download> contexts,
            DeploymentPipeline pipeline,
            Consumer<DeploymentEvent> sink,
            RunningDeployments running,
            Runnable reportChange) {}

    static final String NO_CONTEXT = "build context not available from the gateway";

    private static final Logger LOG = Logger.getLogger(DeploymentRun.class);

    private final DeploymentOrder order;
    private final Shared worker;

    DeploymentRun(DeploymentOrder order, Shared worker) {
        this.order = order;
        this.worker = worker;
    }

    @Override
    public void run(Cancellation cancellation) {
        EventRecorder events = worker.pipeline().recorder(order, worker.sink());
        ClaimLoop.Outcome claim = worker.claims().claim(order.deploymentId(), cancellation);
        if (claim == ClaimLoop.Outcome.STOPPED) {
            return; // unacknowledged: the pool's other workers get it
        }
        worker.acks().settle(order.deploymentId());
        if (claim == ClaimLoop.Outcome.CANCELLED) {
            events.finished(DeploymentStatus.CANCELLED, "cancelled", null);
        } else if (claim == ClaimLoop.Outcome.GRANTED) {
            runClaimed(events, cancellation);
        }
    }

    private void runClaimed(EventRecorder events, Cancellation cancellation) {
        worker.running().add(order.deploymentId());
        try (BuildContextCopy context = BuildContextCopy.of(order, worker.contexts())) {
            DeploymentStatus status = worker.pipeline().run(context.order(), events, cancellation);
            LOG.infof("Deployment %s of %s ended %s", order.deploymentId(), order.app(), status);
        } catch (IOException | GatewayUnavailable e) {
            LOG.warnf(
                    "Deployment %s of %s: build context not downloaded: %s",
                    order.deploymentId(), order.app(), e.getMessage());
            events.finished(DeploymentStatus.FAILED, NO_CONTEXT, null);
        } finally {
            worker.running().remove(order.deploymentId());
            worker.reportChange().run();
        }
    }
}
