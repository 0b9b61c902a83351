package io.slipway.gateway.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.slipway.contract.RunEvent;

/** Named in the configuration: Quarkus detects deserializers only for channels that are Kafka at build time. */
public class RunEventDeserializer extends ObjectMapperDeserializer<RunEvent> {

    public RunEventDeserializer() {
        super(RunEvent.class);
    }
}
