package io.slipway.runtime;

/** The {@link ContainerRuntime} contract on rootful Podman. */
class PodmanRuntimeIT extends ContainerRuntimeContract {

    PodmanRuntimeIT() {
        super("podman");
    }
}
