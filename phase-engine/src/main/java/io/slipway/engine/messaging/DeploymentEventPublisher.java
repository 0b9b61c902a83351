package io.slipway.engine.messaging;

import io.slipway.engine.pipeline.DeploymentEvent;
import io.slipway.engine.service.DeploymentMetrics;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Sends the pipeline's events to the gateway, keyed by deployment id, and counts them in metrics. */
@ApplicationScoped
public class DeploymentEventPublisher {

    private final Emitter<DeploymentEvent> emitter;
    private final DeploymentMetrics metrics;

    // A busy task prints faster than a consumer may store: buffer rather than fail the deployment.
    public DeploymentEventPublisher(
            @Channel(Channels.DEPLOYMENT_EVENTS) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                    Emitter<DeploymentEvent> emitter,
            DeploymentMetrics metrics) {
        this.emitter = emitter;
        this.metrics = metrics;
    }

    public void publish(DeploymentEvent event) {
        metrics.record(event);
        emitter.send(Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(event.deploymentId())
                        .build()));
    }
}
