package io.slipway.runtime.docker;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.EngineUnavailableException;
import io.slipway.runtime.detect.EngineConnector;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Connects to Docker or Podman through their Docker-compatible API, with docker-java. */
public final class DockerApiConnector implements EngineConnector {

    /** Docker 20.10 refuses newer clients ("client version 1.44 is too new"); Podman accepts any. */
    static final String API_VERSION = "1.41";

    private final Optional<String> network;
    private final Duration engineTimeout;

    /**
     * @param network the network mode for every container and build; empty for the engine's default
     * @param engineTimeout how long a connection, and a question to the engine, may go unanswered
     */
    public DockerApiConnector(Optional<String> network, Duration engineTimeout) {
        this.network = network;
        this.engineTimeout = engineTimeout;
    }

    @Override
    public ContainerRuntime connect(URI endpoint) {
        requireSocketFile(endpoint);
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.toString())
                .withApiVersion(API_VERSION)
                .build();
        EngineClients clients = new EngineClients(config, engineTimeout);
        EngineProbe probe = new EngineProbe(endpoint, clients);
        try {
            return new DockerApiRuntime(probe.identify(), probe, clients, network, engineTimeout);
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }

    /** A missing socket file says more than the transport's "No such file or directory". */
    private static void requireSocketFile(URI endpoint) {
        if ("unix".equals(endpoint.getScheme()) && !Files.exists(Path.of(endpoint.getPath()))) {
            throw new EngineUnavailableException("no socket at " + endpoint.getPath());
        }
    }
}
