package io.slipway.engine.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.contract.WorkerApi.ClaimRequest;
import io.slipway.engine.claim.ClaimAuthority;
import io.slipway.engine.claim.GatewayClient;
import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.config.EngineRole;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;

/** The gateway a distributed worker asks (claims, build contexts); none for the embedded engine. */
@Singleton
public class GatewayLink {

    private final Optional<GatewayClient> client;

    GatewayLink(EngineConfig config, WorkerIdentity identity, ObjectMapper json) {
        if (EngineRole.of(config) != EngineRole.DISTRIBUTED) {
            this.client = Optional.empty();
            return;
        }
        String token = config.workerToken()
                .filter(value -> !value.isBlank())
                .orElseThrow(
                        () -> new IllegalStateException(
                                "SLIPWAY_GATEWAY_URL is set but SLIPWAY_WORKER_TOKEN is not: a worker needs the gateway's worker token"));
        this.client = Optional.of(new GatewayClient(
                URI.create(config.gatewayUrl().orElseThrow()),
                token,
                new ClaimRequest(identity.workerId(), identity.pool()),
                config.maxContextDownload().asLongValue(),
                json));
    }

    public Optional<GatewayClient> client() {
        return client;
    }

    public ClaimAuthority claims() {
        return client.<ClaimAuthority>map(gateway -> gateway).orElse(ClaimAuthority.IN_PROCESS);
    }
}
