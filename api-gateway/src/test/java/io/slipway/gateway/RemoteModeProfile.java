package io.slipway.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.slipway.runtime.testing.TestEngines;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The gateway with engine workers ({@code slipway.engine=remote}) on the Kafka that {@code scripts/services start}
 * runs, with a short lease. Its event and report topics and its consumer group are this run's own, so that no other
 * gateway on the broker takes its records or it theirs; its pools are named per test.
 */
public class RemoteModeProfile implements QuarkusTestProfile {

    static final String WORKER_TOKEN = "worker-" + UUID.randomUUID();
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String EVENTS_TOPIC = "deployment-events-" + RUN;
    static final String STATUS_TOPIC = "worker-status-" + RUN;
    static final String RUN_EVENTS_TOPIC = "run-events-" + RUN;

    static String bootstrapServers() {
        return TestEngines.endpoint("kafka.bootstrap-servers");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(Map.of(
                "slipway.engine",
                "remote",
                "kafka.bootstrap.servers",
                bootstrapServers(),
                "slipway.worker-token",
                WORKER_TOKEN,
                "slipway.worker-lease",
                "3s",
                "mp.messaging.incoming.remote-deployment-events.topic",
                EVENTS_TOPIC,
                "mp.messaging.incoming.remote-deployment-events.group.id",
                "slipway-gateway-" + RUN,
                "mp.messaging.incoming.remote-worker-status.topic",
                STATUS_TOPIC,
                "mp.messaging.incoming.remote-worker-status.group.id",
                "slipway-gateway-" + RUN,
                // Reports sent before the consumer joined are this run's too.
                "mp.messaging.incoming.remote-worker-status.auto.offset.reset",
                "earliest"));
        overrides.put("mp.messaging.incoming.remote-run-events.topic", RUN_EVENTS_TOPIC);
        overrides.put("mp.messaging.incoming.remote-run-events.group.id", "slipway-gateway-" + RUN);
        // Room for a build context of several database chunks (1 MiB each).
        overrides.put("slipway.gateway.max-upload-size", "4M");
        return overrides;
    }
}
