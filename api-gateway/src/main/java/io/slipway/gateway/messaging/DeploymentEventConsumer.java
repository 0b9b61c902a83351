package io.slipway.gateway.messaging;

import io.slipway.engine.messaging.Channels;
import io.slipway.engine.pipeline.DeploymentEvent;
import io.slipway.engine.pipeline.DeploymentStatus;
import io.slipway.gateway.service.BuildContexts;
import io.slipway.gateway.service.DeploymentEventStore;
import io.slipway.gateway.service.DeploymentLogs;
import io.slipway.gateway.service.ReleaseRetention;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The gateway's inbox for the engine's events. One at a time, in order ({@code @Blocking} is ordered):
 * each event is stored, then shown to the live log followers, which rely on that order.
 */
@ApplicationScoped
public class DeploymentEventConsumer {

    private final DeploymentEventStore store;
    private final DeploymentLogs logs;
    private final BuildContexts contexts;
    private final ReleaseRetention retention;

    public DeploymentEventConsumer(
            DeploymentEventStore store, DeploymentLogs logs, BuildContexts contexts, ReleaseRetention retention) {
        this.store = store;
        this.logs = logs;
        this.contexts = contexts;
        this.retention = retention;
    }

    @Incoming(Channels.DEPLOYMENT_EVENTS)
    @Blocking
    public void onEvent(DeploymentEvent event) {
        if (!store.apply(event)) {
            return;
        }
        logs.publish(event);
        if (event instanceof DeploymentEvent.Finished finished) {
            contexts.delete(event.deploymentId());
            if (finished.status() == DeploymentStatus.SUCCEEDED) {
                retention.pruneReleasesOf(finished.app());
            }
        }
    }
}
