package io.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import io.slipway.runtime.ProcessSpec;

/** Creates and starts long-running process containers. */
final class ProcessStarter {

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
