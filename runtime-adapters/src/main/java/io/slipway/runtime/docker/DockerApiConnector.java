package io.slipway.runtime.docker;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.EngineInfo;
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

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Only for the probe: task waits and log follows legitimately stay silent for minutes. */
    private static final Duration PROBE_RESPONSE_TIMEOUT = Duration.ofSeconds(15);
    /** Each running task holds two streaming connections (its wait and its log follow). */
    private static final int MAX_CONNECTIONS = 100;

    private final Optional<String> network;

    /** @param network the network mode for every container and build; empty for the engine's default */
    public DockerApiConnector(Optional<String> network) {
        this.network = network;
    }

    @Override
    public ContainerRuntime connect(URI endpoint) {
        requireSocketFile(endpoint);
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.toString())
                .withApiVersion(API_VERSION)
                .build();
        EngineProbe probe = new EngineProbe(endpoint, config, httpClient(config, Optional.of(PROBE_RESPONSE_TIMEOUT)));
        try {
            EngineInfo engine = probe.identify();
            DockerHttpClient http = httpClient(config, Optional.empty());
            return new DockerApiRuntime(engine, probe, DockerClientImpl.getInstance(config, http), http, network);
        } catch (RuntimeException e) {
            probe.close();
            throw e;
        }
    }

    /** A missing socket file says more than the transport's "No such file or directory". */
    private static void requireSocketFile(URI endpoint) {
        if ("unix".equals(endpoint.getScheme()) && !Files.exists(Path.of(endpoint.getPath()))) {
            throw new EngineUnavailableException("no socket at " + endpoint.getPath());
        }
    }

    private static DockerHttpClient httpClient(DockerClientConfig config, Optional<Duration> responseTimeout) {
        ApacheDockerHttpClient.Builder builder = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(CONNECT_TIMEOUT);
        responseTimeout.ifPresent(builder::responseTimeout);
        return builder.build();
    }
}
