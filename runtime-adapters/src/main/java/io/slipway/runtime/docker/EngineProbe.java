package io.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.VersionComponent;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import io.slipway.runtime.EngineInfo;
import io.slipway.runtime.EngineKind;
import io.slipway.runtime.EngineUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an engine whether it is alive and who it is. It has a client of its own with a short
 * response timeout, so that a hung engine fails a ping or a health check instead of blocking it.
 *
 * <p>The engine is identified from what it answers, never from where it was found: a
 * {@code DOCKER_HOST} may well point at a Podman socket.
 */
final class EngineProbe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineProbe.class);
    private static final String PODMAN_COMPONENT = "Podman Engine";

    private final URI endpoint;
    private final DockerClient client;
    private final RawEngineApi raw;

    EngineProbe(URI endpoint, DockerClientConfig config, DockerHttpClient http) {
        this.endpoint = endpoint;
        this.client = DockerClientImpl.getInstance(config, http);
        this.raw = new RawEngineApi(http);
    }

    /** Pings the engine and reads its version and info; throws {@link EngineUnavailableException}. */
    EngineProfile identify() {
        try {
            client.pingCmd().exec();
            Version version = client.versionCmd().exec();
            Info info = client.infoCmd().exec();
            EngineKind kind = isPodman(version) ? EngineKind.PODMAN : EngineKind.DOCKER;
            boolean rootless = kind == EngineKind.PODMAN ? podmanRootless() : dockerRootless(info);
            EngineInfo engine = new EngineInfo(
                    kind, version.getVersion(), DockerApiConnector.API_VERSION, rootless, endpoint.toString());
            return new EngineProfile(engine, "1".equals(info.getCGroupVersion()));
        } catch (RuntimeException e) {
            throw new EngineUnavailableException(new EngineErrors(endpoint).translate("ping", e).getMessage(), e);
        }
    }

    private static boolean isPodman(Version version) {
        return Optional.ofNullable(version.getComponents()).orElse(List.of()).stream()
                .map(VersionComponent::getName)
                .anyMatch(PODMAN_COMPONENT::equals);
    }

    /**
     * Podman's own {@code /info} says whether it runs rootless; its Docker-compatible one lists no
     * rootless security option. Libpod routes need a version in the path, and any version is accepted.
     */
    private boolean podmanRootless() {
        return raw.get("/v4.0.0/libpod/info").path("host").path("security").path("rootless").asBoolean();
    }

    /** A rootless Docker daemon lists {@code name=rootless} among its security options. */
    private static boolean dockerRootless(Info info) {
        return Optional.ofNullable(info.getSecurityOptions()).orElse(List.of()).stream()
                .anyMatch(option -> option.contains("rootless"));
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("closing the probe client of {} failed", endpoint, e);
        }
    }
}
