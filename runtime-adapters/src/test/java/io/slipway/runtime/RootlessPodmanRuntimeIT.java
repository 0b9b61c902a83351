package io.slipway.runtime;

/** The {@link ContainerRuntime} contract on rootless Podman. */
class RootlessPodmanRuntimeIT extends ContainerRuntimeContract {

    RootlessPodmanRuntimeIT() {
        super("podman-rootless");
    }
}
