package io.slipway.engine.messaging;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.slipway.contract.Channels;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.util.HashMap;
import java.util.Map;

/** Puts the worker's two channels in memory, so a test plays the gateway's part. */
public class InMemoryChannels implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> properties = new HashMap<>();
        properties.putAll(InMemoryConnector.switchIncomingChannelsToInMemory(Channels.DEPLOY_REQUESTS));
        properties.putAll(
                InMemoryConnector.switchOutgoingChannelsToInMemory(Channels.DEPLOYMENT_EVENTS, Channels.RUN_EVENTS));
        return properties;
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
    }
}
