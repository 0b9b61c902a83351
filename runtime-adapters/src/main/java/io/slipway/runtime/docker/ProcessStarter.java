package io.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import io.slipway.runtime.ProcessSpec;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Creates and starts long-running process containers. */
final class ProcessStarter {

    /** Containers made for one process whose loopback port was taken before the next is given up. */
    static final int PORT_TAKEN_ATTEMPTS = 3;

    private static final MomentaryRefusals PORT_TAKEN =
            new MomentaryRefusals(List.of("address already in use"), PORT_TAKEN_ATTEMPTS, Duration.ZERO);

    private final DockerClient docker;
    private final Containers containers;
    private final HostConfigs hostConfigs;

    ProcessStarter(DockerClient docker, Containers containers, HostConfigs hostConfigs) {
        this.docker = docker;
        this.containers = containers;
        this.hostConfigs = hostConfigs;
    }

    /** A container that fails to start is removed again, so no half-made process is left. */
    String start(ProcessSpec process) {
        return process.publishedPort().isPresent()
                ? makeAgainWhilePortTaken(process.name(), () -> createAndStart(process))
                : createAndStart(process);
    }

    /**
     * The engine picks a published port's free loopback port when it creates the container, and binds it when it
     * starts it; in between the port can become the local end of any client's connection, and the start fails "bind:
     * address already in use" (seen with rootful Podman while 20 web containers started at once). The failed
     * container is gone by then, so another is made, for which the engine picks again.
     */
    static String makeAgainWhilePortTaken(String process, Supplier<String> make) {
        return PORT_TAKEN.call("the start of process " + process, make);
    }

    private String createAndStart(ProcessSpec process) {
        CreateContainerCmd command = docker.createContainerCmd(process.image())
                .withName(process.name())
                .withEnv(Containers.envList(process.env()))
                .withLabels(process.labels())
                .withHostConfig(hostConfigs.forProcess(process.publishedPort(), process.limits(), process.network()));
        process.publishedPort().ifPresent(port -> command.withExposedPorts(ExposedPort.tcp(port)));
        // An empty command leaves the image's own Entrypoint and Cmd.
        String id = containers.create(process.cmd().isEmpty() ? command : command.withCmd(process.cmd()), "process");
        try {
            containers.start(id);
        } catch (RuntimeException e) {
            containers.removeQuietly(id);
            throw e;
        }
        return id;
    }
}
