package io.slipway.bench;

import java.net.URI;
import java.util.List;

/**
 * One container engine under test: its API socket, how Slipway is told to use it, and its CLI.
 *
 * @param name {@code podman} or {@code docker}
 * @param host the API socket, {@code unix:///...}
 * @param cli the command line prefix of the engine's CLI against the same engine
 */
record Engine(String name, URI host, List<String> cli) {

    static Engine podman(URI host) {
        return new Engine("podman", host, List.of("podman", "--url", host.toString()));
    }

    static Engine docker(URI host) {
        return new Engine("docker", host, List.of("docker", "-H", host.toString()));
    }

    /** The variable that points Slipway at this engine. */
    String hostVariable() {
        return name.equals("docker") ? "DOCKER_HOST" : "CONTAINER_HOST";
    }
}
