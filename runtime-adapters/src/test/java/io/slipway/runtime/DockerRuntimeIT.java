package io.slipway.runtime;

/** The {@link ContainerRuntime} contract on Docker 20.10. */
class DockerRuntimeIT extends ContainerRuntimeContract {

    DockerRuntimeIT() {
        super("docker");
    }
}
