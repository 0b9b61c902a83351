package io.slipway.gateway.messaging;

import io.slipway.contract.DeploymentEvent;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Where the inbox hands the engine's events over to be stored. The inbox owns this, and the side that stores them
 * implements it, so that messaging needs nothing of what storing an event sets off.
 */
public interface DeploymentEventSink {

    /**
     * Takes the event, to be stored and then acknowledged.
     *
     * @return completes when the inbox may take the next event
     */
    CompletionStage<Void> add(Message<DeploymentEvent> event);
}
