package io.slipway.runtime;

/** {@link ContainerRuntime#readLog} on rootless Podman. */
class RootlessPodmanLogIT extends ContainerLogContract {

    RootlessPodmanLogIT() {
        super("podman-rootless");
    }
}
