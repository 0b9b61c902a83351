package io.slipway.runtime;

/** {@link ContainerRuntime#readLog} on Docker. */
class DockerLogIT extends ContainerLogContract {

    DockerLogIT() {
        super("docker");
    }
}
