package io.slipway.runtime.detect;

import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.EngineUnavailableException;
import java.net.URI;

/** Opens a runtime on one engine endpoint. */
@FunctionalInterface
public interface EngineConnector {

    /**
     * @param endpoint e.g. {@code unix:///run/podman/podman.sock} or {@code tcp://127.0.0.1:2375}
     * @throws EngineUnavailableException when no engine answers there, saying why
     */
    ContainerRuntime connect(URI endpoint);
}
