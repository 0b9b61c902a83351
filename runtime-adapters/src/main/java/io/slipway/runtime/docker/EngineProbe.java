package io.slipway.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.VersionComponent;
import io.slipway.runtime.EngineInfo;
import io.slipway.runtime.EngineKind;
import io.slipway.runtime.EngineUnavailableException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks an engine whether it is alive and who it is, on the {@link EngineClients#queries() queries}
 * connections, so that a hung engine fails a ping or a health check within the engine timeout.
 *
 * <p>The engine is identified from what it answers, never from where it was found: a
 * {@code DOCKER_HOST} may well point at a Podman socket.
 */
final class EngineProbe {

    private static final String PODMAN_COMPONENT = "Podman Engine";
    /** The header Podman puts on every answer, its ping's too; Docker has no such header. */
    private static final String LIBPOD_HEADER = "Libpod-Api-Version";
    /** Libpod routes need a version in the path; Podman accepts any. */
    private static final String LIBPOD_INFO = "/v4.0.0/libpod/info";
    /** The cgroup controllers memory and CPU limits need. */
    private static final List<String> LIMIT_CONTROLLERS = List.of("memory", "cpu");

    private final URI endpoint;
    private final DockerClient client;
    private final RawEngineApi raw;

    EngineProbe(URI endpoint, EngineClients clients) {
        this.endpoint = endpoint;
        this.client = clients.queries();
        this.raw = new RawEngineApi(clients.queriesHttp());
    }

    /** The cheap question, {@code /_ping}; throws {@link EngineUnavailableException}. */
    void ping() {
        answering("ping", () -> client.pingCmd().exec());
    }

    /**
     * Pings the engine, then asks who it is; throws {@link EngineUnavailableException}. Podman says so in its
     * ping's headers, and then only its own info is asked (which also holds its version): Podman answers
     * {@code /version} slowly (0.7 s on an idle host, a second on a busy one; it asks its runtime and conmon for
     * theirs), and that was the engine's share of the gateway's start. An engine whose ping says nothing is asked
     * its {@code /version}, whose components name Podman.
     */
    EngineInfo identify() {
        Map<String, List<String>> headers = answering("ping", () -> raw.headers("/_ping"));
        boolean saysPodman = headers.keySet().stream().anyMatch(LIBPOD_HEADER::equalsIgnoreCase);
        return answering("identify the engine", () -> {
            if (saysPodman) {
                JsonNode info = raw.get(LIBPOD_INFO);
                return podman(info.path("version").path("Version").asText(), info);
            }
            Version version = client.versionCmd().exec();
            return isPodman(version) ? podman(version.getVersion(), raw.get(LIBPOD_INFO)) : docker(version);
        });
    }

    private static boolean isPodman(Version version) {
        return Optional.ofNullable(version.getComponents()).orElse(List.of()).stream()
                .map(VersionComponent::getName)
                .anyMatch(PODMAN_COMPONENT::equals);
    }

    /**
     * Podman's own info says whether it runs rootless (its Docker-compatible one lists no such option), and which
     * cgroup controllers it may use: none for rootless Podman on cgroup v1, which then cannot enforce limits.
     */
    private EngineInfo podman(String version, JsonNode info) {
        JsonNode host = info.path("host");
        boolean rootless = host.path("security").path("rootless").asBoolean();
        List<String> controllers = new ArrayList<>();
        host.path("cgroupControllers").forEach(controller -> controllers.add(controller.asText()));
        return engine(EngineKind.PODMAN, version, rootless, controllers.containsAll(LIMIT_CONTROLLERS));
    }

    /** A rootless Docker daemon lists {@code name=rootless} among its security options. */
    private EngineInfo docker(Version version) {
        Info info = client.infoCmd().exec();
        boolean rootless = Optional.ofNullable(info.getSecurityOptions()).orElse(List.of()).stream()
                .anyMatch(option -> option.contains("rootless"));
        boolean limits = Boolean.TRUE.equals(info.getMemoryLimit()) && Boolean.TRUE.equals(info.getCpuCfsQuota());
        return engine(EngineKind.DOCKER, version.getVersion(), rootless, limits);
    }

    private EngineInfo engine(EngineKind kind, String version, boolean rootless, boolean enforcesLimits) {
        return new EngineInfo(kind, version, rootless, endpoint.toString(), enforcesLimits);
    }

    private <T> T answering(String action, Supplier<T> question) {
        try {
            return question.get();
        } catch (RuntimeException e) {
            throw new EngineUnavailableException(
                    new EngineErrors(endpoint).translate(action, e).getMessage(), e);
        }
    }
}
