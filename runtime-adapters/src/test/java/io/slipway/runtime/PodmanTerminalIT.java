package io.slipway.runtime;

/** {@link ContainerRuntime#openTerminal} on rootful Podman. */
class PodmanTerminalIT extends ContainerTerminalContract {

    PodmanTerminalIT() {
        super("podman");
    }
}
