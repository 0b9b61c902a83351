package io.slipway.engine.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.contract.WorkerApi.ClaimRequest;
import io.slipway.engine.claim.ClaimAuthority;
import io.slipway.engine.claim.GatewayClient;
import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.config.EngineRole;
import io.slipway.engine.pipeline.SetupMarks;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;

/** The gateway a distributed worker asks (claims, build contexts, setup marks); none for the embedded engine. */
@Singleton
public class GatewayLink {

    private final Optional<GatewayClient> client;
    private final SetupMarks setupMarks;

    /** @param gatewayMarks the marks of the gateway this engine is embedded in, which it provides as a bean */
    GatewayLink(EngineConfig config, WorkerIdentity identity, ObjectMapper json, Instance<SetupMarks> gatewayMarks) {
        if (EngineRole.of(config) != EngineRole.DISTRIBUTED) {
            this.client = Optional.empty();
            this.setupMarks = gatewayMarks.isResolvable() ? gatewayMarks.get() : SetupMarks.FROM_ORDER;
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
        this.setupMarks = client.get();
    }

    public Optional<GatewayClient> client() {
        return client;
    }

    /** The gateway's, over HTTP or in process; a worker without a gateway takes the order's word. */
    public SetupMarks setupMarks() {
        return setupMarks;
    }

    public ClaimAuthority claims() {
        return client.<ClaimAuthority>map(gateway -> gateway).orElse(ClaimAuthority.IN_PROCESS);
    }
}
