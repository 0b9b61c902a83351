package io.slipway.gateway.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.slipway.contract.WorkerStatus;

/** Named in the configuration: Quarkus detects deserializers only for channels that are Kafka at build time. */
public class WorkerStatusDeserializer extends ObjectMapperDeserializer<WorkerStatus> {

    public WorkerStatusDeserializer() {
        super(WorkerStatus.class);
    }
}
