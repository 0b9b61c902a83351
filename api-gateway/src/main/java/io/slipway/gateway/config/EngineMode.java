package io.slipway.gateway.config;

/** Where the gateway's deployments run ({@code slipway.engine}). */
public enum EngineMode {
    /** An engine inside the gateway's process, reached over in-memory channels. */
    EMBEDDED,
    /** Engine workers of their own, reached over Kafka; the gateway opens no container-engine socket. */
    REMOTE;

    public boolean isRemote() {
        return this == REMOTE;
    }
}
