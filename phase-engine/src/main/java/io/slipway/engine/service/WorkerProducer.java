package io.slipway.engine.service;

import io.slipway.engine.config.EngineConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The worker's identity, from its settings. */
public class WorkerProducer {

    @Produces
    @Singleton
    WorkerIdentity identity(EngineConfig config) {
        return WorkerIdentity.of(config);
    }
}
