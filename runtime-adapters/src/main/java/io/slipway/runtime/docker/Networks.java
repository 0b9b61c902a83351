package io.slipway.runtime.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import io.slipway.runtime.EngineKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates and removes the bridge networks containers are put in. Both engines refuse a second network of
 * a name when asked to check ({@code CheckDuplicate}): Docker with 409, Podman 4.3 with 500 "network already
 * exists". Either way, a network of that name is what the caller wanted, so a refusal is read as success
 * when the network is there afterwards: two deployments racing to create it both succeed.
 *
 * <p>Docker 20.10's check is not atomic: four callers at once made four networks of one name (seen), after
 * which a container naming it fails ("network ... is ambiguous"). So callers of one runtime take turns per
 * name, and whoever finds more than one network of the name keeps the oldest (the same one for every caller)
 * and removes the others, which covers callers of other runtimes on the same engine.
 *
 * <p>Docker keeps its bridge networks apart from each other by itself. Podman 4.3's netavark lets a container
 * of one network reach another network's containers at their addresses unless the network is made with the
 * option {@code isolate}. Its compatible API strips that option from the engine's own record of every network
 * it lists ({@code GET /networks}), and containers started afterwards are set up without isolation: a task in
 * another app's network reached a web process after one such listing (seen). So on Podman networks are made,
 * found and checked only through Podman's own API, which also refuses a second network of a name by itself,
 * and a network of the name that is not isolated is refused rather than used.
 *
 * <p>Podman picks a new network's subnet from the host's interface addresses, and fails the creation when an
 * interface goes away while it reads them ("route ip+net: no such network interface": another network's or
 * container's interface removed at that moment, seen with the engines' tests running side by side). Such a
 * creation is tried again, a few times.
 */
final class Networks {

    private static final String BRIDGE = "bridge";
    private static final String ISOLATE = "isolate";
    private static final String PODMAN_NETWORKS = "/v4.0.0/libpod/networks/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INTERFACE_GONE = "no such network interface";
    private static final int PODMAN_CREATE_ATTEMPTS = 3;
    private static final Duration INTERFACE_GONE_PAUSE = Duration.ofMillis(100);

    private final DockerClient queries;
    private final DockerClient docker;
    private final EngineErrors errors;
    private final RawEngineApi raw;
    private final EngineKind engine;
    private final Map<String, Object> creating = new ConcurrentHashMap<>();

    Networks(DockerClient queries, DockerClient docker, RawEngineApi raw, EngineErrors errors, EngineKind engine) {
        this.queries = queries;
        this.docker = docker;
        this.raw = raw;
        this.errors = errors;
        this.engine = engine;
    }

    void ensure(String name, Map<String, String> labels) {
        synchronized (creating.computeIfAbsent(name, key -> new Object())) {
            try {
                create(name, labels);
            } finally {
                creating.remove(name);
            }
        }
    }

    private void create(String name, Map<String, String> labels) {
        if (engine == EngineKind.PODMAN) {
            createIsolatedOnPodman(name, labels);
            return;
        }
        if (!named(name).isEmpty()) {
            return;
        }
        try {
            docker.createNetworkCmd()
                    .withName(name)
                    .withDriver(BRIDGE)
                    .withLabels(labels)
                    .withCheckDuplicate(true)
                    .exec();
        } catch (DockerException refused) {
            if (named(name).isEmpty()) {
                throw errors.translate("create network " + name, refused);
            }
        } catch (RuntimeException e) {
            throw errors.translate("create network " + name, e);
        }
        named(name).stream()
                .sorted(Comparator.comparing(Network::getCreated, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Network::getId))
                .skip(1)
                .forEach(duplicate -> removeDuplicate(name, duplicate.getId()));
    }

    private void createIsolatedOnPodman(String name, Map<String, String> labels) {
        if (podmanNetwork(name).isEmpty()) {
            ObjectNode spec = JSON.createObjectNode().put("name", name).put("driver", BRIDGE);
            labels.forEach(spec.putObject("labels")::put);
            spec.putObject("options").put(ISOLATE, "true");
            for (int attempt = 1; ; attempt++) {
                try {
                    raw.postJson(PODMAN_NETWORKS + "create", spec.toString());
                    break;
                } catch (DockerException refused) {
                    if (podmanNetwork(name).isPresent()) {
                        break;
                    }
                    if (attempt == PODMAN_CREATE_ATTEMPTS
                            || !String.valueOf(refused.getMessage()).contains(INTERFACE_GONE)) {
                        throw errors.translate("create network " + name, refused);
                    }
                    pause();
                } catch (RuntimeException e) {
                    throw errors.translate("create network " + name, e);
                }
            }
        }
        JsonNode network = podmanNetwork(name)
                .orElseThrow(() ->
                        errors.translate("create network " + name, new IllegalStateException("the network is gone")));
        if (!"true".equals(network.path("options").path(ISOLATE).asText())) {
            throw errors.translate(
                    "use network " + name,
                    new IllegalStateException("the network is not isolated from other networks; remove it"));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(INTERFACE_GONE_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<JsonNode> podmanNetwork(String name) {
        return errors.call("inspect network " + name, () -> {
            try {
                return Optional.of(
                        raw.get(PODMAN_NETWORKS + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/json"));
            } catch (DockerException e) {
                if (e.getHttpStatus() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    private void removeDuplicate(String name, String id) {
        try {
            docker.removeNetworkCmd(id).exec();
        } catch (NotFoundException alreadyGone) {
            // Another caller removed it first.
        } catch (RuntimeException e) {
            throw errors.translate("remove a second network named " + name, e);
        }
    }

    void remove(String name) {
        errors.run("remove network " + name, () -> {
            try {
                docker.removeNetworkCmd(name).exec();
            } catch (NotFoundException alreadyGone) {
                // Nothing to remove.
            }
        });
    }

    /** The networks of exactly this name: the engines' name filter also matches a part of a name. */
    private List<Network> named(String name) {
        return errors
                .call(
                        "list networks named " + name,
                        () -> queries.listNetworksCmd().withNameFilter(name).exec())
                .stream()
                .filter(network -> name.equals(network.getName()))
                .toList();
    }
}
