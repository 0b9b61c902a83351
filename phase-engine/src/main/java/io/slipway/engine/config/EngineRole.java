package io.slipway.engine.config;

import java.util.Optional;

/**
 * What this process's engine beans do, from two settings: {@code slipway.engine} of the gateway that may embed
 * them, and {@code slipway.gateway-url} of a worker that runs on its own.
 */
public enum EngineRole {
    /** Inside a gateway whose engine is {@code remote}: nothing starts, no engine is connected. */
    IDLE,
    /** The engine embedded in the gateway, or a worker without a gateway: every deployment it receives is its own. */
    LOCAL,
    /** A worker of a pool: it claims each deployment from the gateway over HTTP before running it. */
    DISTRIBUTED;

    public static final String EMBEDDED_ENGINE = "embedded";
    public static final String REMOTE_ENGINE = "remote";

    public static EngineRole of(String engine, Optional<String> gatewayUrl) {
        if (REMOTE_ENGINE.equals(engine)) {
            return IDLE;
        }
        if (!EMBEDDED_ENGINE.equals(engine)) {
            throw new IllegalArgumentException(
                    "slipway.engine must be " + EMBEDDED_ENGINE + " or " + REMOTE_ENGINE + ", not " + engine);
        }
        return gatewayUrl.filter(url -> !url.isBlank()).isPresent() ? DISTRIBUTED : LOCAL;
    }

    public static EngineRole of(EngineConfig config) {
        return of(config.engine(), config.gatewayUrl());
    }
}
