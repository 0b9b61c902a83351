package io.slipway.gateway.messaging;

import io.slipway.contract.Channels;
import io.slipway.contract.DeploymentEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The gateway's inbox for the engine's events. It only hands them over to be stored (the service side's lanes, one
 * per deployment) and takes the next at once, so one deployment's flood of lines never holds back another's events; each
 * event is acknowledged once it is stored. While too many wait to be stored (the database refuses writes), it takes
 * the next only when there is room again: the broker's records then stay unacknowledged and unread.
 */
@ApplicationScoped
public class DeploymentEventConsumer {

    private final DeploymentEventSink sink;

    public DeploymentEventConsumer(DeploymentEventSink sink) {
        this.sink = sink;
    }

    @Incoming(Channels.DEPLOYMENT_EVENTS)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> onEvent(Message<DeploymentEvent> event) {
        return sink.add(event);
    }

    /** The workers' events, in remote mode (nothing arrives when embedded); a record that is no event is skipped. */
    @Incoming(RemoteChannels.DEPLOYMENT_EVENTS)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> onWorkerEvent(Message<DeploymentEvent> event) {
        if (event.getPayload() == null) {
            return event.ack();
        }
        return sink.add(event);
    }
}
