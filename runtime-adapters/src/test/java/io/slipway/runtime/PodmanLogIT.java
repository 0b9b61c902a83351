package io.slipway.runtime;

/** {@link ContainerRuntime#readLog} on rootful Podman. */
class PodmanLogIT extends ContainerLogContract {

    PodmanLogIT() {
        super("podman");
    }
}
