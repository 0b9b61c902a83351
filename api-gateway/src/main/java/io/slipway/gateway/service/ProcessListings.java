package io.slipway.gateway.service;

import io.slipway.gateway.config.GatewayConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Picks where process containers are read from. Only the one picked is created: in remote mode the engine
 * listing, and with it the container engine's connection, never is.
 */
public class ProcessListings {

    @Produces
    @Singleton
    ProcessListing listing(GatewayConfig config, Instance<AppProcesses> engine, Instance<StoredProcesses> stored) {
        return config.engine().isRemote() ? stored.get() : engine.get();
    }
}
