package io.slipway.runtime.testing;

import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimes;
import io.slipway.runtime.EngineUnavailableException;
import java.net.URI;
import java.util.Optional;

/**
 * One engine the tests run against.
 *
 * @param name {@code docker}, {@code podman} or {@code podman-rootless}
 * @param endpoint its API socket
 */
public record TestEngine(String name, URI endpoint) {

    /**
     * A runtime whose containers get no network, checked to answer and to hold the base image.
     *
     * @throws AssertionError when the engine does not answer or lacks the base image
     */
    public ContainerRuntime connect() {
        ContainerRuntime runtime;
        try {
            runtime = ContainerRuntimes.connect(endpoint, Optional.of(TestEngines.NETWORK));
        } catch (EngineUnavailableException e) {
            throw new AssertionError(
                    "engine " + name + " at " + endpoint + " does not answer (" + e.getMessage() + "): "
                            + TestEngines.howToFix(),
                    e);
        }
        String baseImage = TestEngines.baseImage();
        if (runtime.inspectImage(baseImage).isEmpty()) {
            runtime.close();
            throw new AssertionError("engine " + name + " has no image " + baseImage + ": " + TestEngines.howToFix());
        }
        return runtime;
    }

    /** The name, as parameterized tests display it. */
    @Override
    public String toString() {
        return name;
    }
}
