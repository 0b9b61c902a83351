package io.slipway.runtime;

/** {@link ContainerRuntime#openTerminal} on Docker. */
class DockerTerminalIT extends ContainerTerminalContract {

    DockerTerminalIT() {
        super("docker");
    }
}
