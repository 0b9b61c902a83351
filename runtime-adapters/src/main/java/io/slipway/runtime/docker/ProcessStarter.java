package io.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.ProcessSpec;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates and starts long-running process containers. */
final class ProcessStarter {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessStarter.class);

    /** Containers made for one process whose loopback port was taken before the next is given up. */
    static final int PORT_TAKEN_ATTEMPTS = 3;

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
        for (int attempt = 1; ; attempt++) {
            try {
                return make.get();
            } catch (ContainerRuntimeException e) {
                if (attempt == PORT_TAKEN_ATTEMPTS
                        || !String.valueOf(e.getMessage()).contains("address already in use")) {
                    throw e;
                }
                LOG.info("the loopback port picked for {} was taken before it started; making it again", process);
            }
        }
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
