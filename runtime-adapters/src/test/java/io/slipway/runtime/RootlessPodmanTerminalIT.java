package io.slipway.runtime;

/** {@link ContainerRuntime#openTerminal} on rootless Podman. */
class RootlessPodmanTerminalIT extends ContainerTerminalContract {

    RootlessPodmanTerminalIT() {
        super("podman-rootless");
    }
}
