package io.slipway.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The gateway in remote mode whose broker is away: a loopback port nothing listens on. */
public class UnreachableBrokerProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "slipway.engine", "remote",
                "kafka.bootstrap.servers", "127.0.0.1:9",
                "slipway.worker-token", "unused-worker-token");
    }
}
