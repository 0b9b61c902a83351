package io.slipway.engine.service;

import io.slipway.engine.config.EngineConfig;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimes;
import io.slipway.runtime.RuntimeSettings;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Connects to the configured container engine once and shares the connection. {@link EngineStartup} asks
 * for it at start-up (so a missing engine stops the start with the list of what was tried, and no request
 * thread ever waits for the connection), unless the engine is idle: then nothing ever connects.
 */
public class RuntimeProducer {

    private static final Logger LOG = Logger.getLogger(RuntimeProducer.class);

    @Produces
    @Singleton
    ContainerRuntime containerRuntime(
            EngineConfig config,
            // Read through the configuration, so DOCKER_HOST and its kin also come as properties.
            @ConfigProperty(name = "docker.host") Optional<String> dockerHost,
            @ConfigProperty(name = "container.host") Optional<String> containerHost,
            @ConfigProperty(name = "xdg.runtime.dir") Optional<String> xdgRuntimeDir) {
        RuntimeSettings settings = new RuntimeSettings(
                config.runtime(),
                dockerHost.filter(host -> !host.isBlank()),
                containerHost.filter(host -> !host.isBlank()),
                xdgRuntimeDir.filter(dir -> !dir.isBlank()),
                config.network());
        ContainerRuntime runtime = ContainerRuntimes.connect(settings, config.engineTimeout());
        LOG.infof("Container engine: %s", runtime.engine().describe());
        return runtime;
    }

    void close(@Disposes ContainerRuntime runtime) {
        runtime.close();
    }
}
