package io.slipway.runtime.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.EngineKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a build's {@code RUN} steps run, and how each engine is told.
 *
 * <p>Docker takes the network in the build's {@code networkmode}, a network's name included. Podman 4.3's
 * build API ignores {@code networkmode} and, unless {@code nsoptions} says otherwise, runs every build in the
 * host's network namespace, where the host's loopback services answer. Its builder can join an existing
 * network namespace by path, and nothing else keeps a build off the host on rootless Podman (a private
 * namespace there goes through a slirp4netns that forwards its gateway to the host's loopback). So a Podman
 * build in a network joins the namespace of a pod made for the build in that network (its infra container,
 * from Podman's own pause image built locally), removed when the build ends.
 */
final class BuildNetworks {

    /** The build's query parameters for its network, and what to remove once it ended. */
    interface Joined extends AutoCloseable {
        List<Map.Entry<String, String>> query();

        @Override
        void close();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NONE = "none";
    private static final String HOST = "host";
    private static final String ENGINE_DEFAULT = "bridge";
    private static final String PODS = "/v4.0.0/libpod/pods/";
    private static final String POD_PREFIX = "slipway-build-";
    private static final String POD_LABEL = "io.slipway.build-network";

    private final EngineKind engine;
    private final RawEngineApi raw;
    private final EngineErrors errors;

    BuildNetworks(EngineKind engine, RawEngineApi raw, EngineErrors errors) {
        this.engine = engine;
        this.raw = raw;
        this.errors = errors;
    }

    /** @param network a network's name, {@code none} or {@code host}; empty for the engine's default network */
    Joined join(Optional<String> network) {
        if (engine == EngineKind.DOCKER) {
            // Docker's builder runs in its default bridge network unless told otherwise: never the host's.
            List<Map.Entry<String, String>> query =
                    network.map(name -> List.of(Map.entry("networkmode", name))).orElse(List.of());
            return joined(query, () -> {});
        }
        String mode = network.orElse(ENGINE_DEFAULT);
        if (mode.equals(NONE)) {
            return joined(
                    List.of(
                            Map.entry("nsoptions", namespace(false, Optional.empty())),
                            Map.entry("networkmode", "NetworkDisabled")),
                    () -> {});
        }
        if (mode.equals(HOST)) {
            return joined(List.of(Map.entry("nsoptions", namespace(true, Optional.empty()))), () -> {});
        }
        return inPod(mode);
    }

    private Joined inPod(String network) {
        String pod = POD_PREFIX + UUID.randomUUID();
        ObjectNode spec = JSON.createObjectNode().put("name", pod);
        spec.putObject("labels").put(POD_LABEL, network);
        spec.putObject("netns").put("nsmode", "bridge");
        if (!network.equals(ENGINE_DEFAULT)) {
            spec.putObject("Networks").putObject(network);
        }
        Runnable remove = () -> errors.run(
                "remove the build's network pod " + pod, () -> raw.delete(PODS + encode(pod) + "?force=true"));
        try {
            errors.run("create the build's network pod in " + network, () -> {
                raw.postJson(PODS + "create", spec.toString());
                raw.postJson(PODS + encode(pod) + "/start", "{}");
            });
            String sandbox = errors.call("inspect the build's network pod " + pod, () -> {
                String infra = raw.get(PODS + encode(pod) + "/json")
                        .path("InfraContainerID")
                        .asText();
                return raw.get(RawEngineApi.compatPath("/containers/" + encode(infra) + "/json", List.of()))
                        .path("NetworkSettings")
                        .path("SandboxKey")
                        .asText();
            });
            if (sandbox.isBlank()) {
                throw new ContainerRuntimeException("the engine named no network namespace for pod " + pod);
            }
            return joined(List.of(Map.entry("nsoptions", namespace(false, Optional.of(sandbox)))), remove);
        } catch (RuntimeException e) {
            remove.run();
            throw e;
        }
    }

    private static String namespace(boolean host, Optional<String> path) {
        ObjectNode option = JSON.createObjectNode().put("Name", "network").put("Host", host);
        path.ifPresent(p -> option.put("Path", p));
        ArrayNode options = JSON.createArrayNode().add(option);
        return options.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Joined joined(List<Map.Entry<String, String>> query, Runnable release) {
        return new Joined() {
            @Override
            public List<Map.Entry<String, String>> query() {
                return query;
            }

            @Override
            public void close() {
                release.run();
            }
        };
    }
}
