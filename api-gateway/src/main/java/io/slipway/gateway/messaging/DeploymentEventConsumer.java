package io.slipway.gateway.messaging;

import io.slipway.engine.messaging.Channels;
import io.slipway.engine.pipeline.DeploymentEvent;
import io.slipway.gateway.service.BuildContexts;
import io.slipway.gateway.service.DeploymentEventStore;
import io.slipway.gateway.service.DeploymentLogs;
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

    public DeploymentEventConsumer(DeploymentEventStore store, DeploymentLogs logs, BuildContexts contexts) {
        this.store = store;
        this.logs = logs;
        this.contexts = contexts;
    }

    @Incoming(Channels.DEPLOYMENT_EVENTS)
    @Blocking
    public void onEvent(DeploymentEvent event) {
        if (!store.apply(event)) {
            return;
        }
        logs.publish(event);
        if (event instanceof DeploymentEvent.Finished) {
            contexts.delete(event.deploymentId());
        }
    }
}
