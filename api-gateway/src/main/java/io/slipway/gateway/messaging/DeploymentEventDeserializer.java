package io.slipway.gateway.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.slipway.contract.DeploymentEvent;

/** Named in the configuration: Quarkus detects deserializers only for channels that are Kafka at build time. */
public class DeploymentEventDeserializer extends ObjectMapperDeserializer<DeploymentEvent> {

    public DeploymentEventDeserializer() {
        super(DeploymentEvent.class);
    }
}
