package io.slipway.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The floor: the container operations of one deploy, issued back to back through the engine's API
 * with docker-java, as Slipway issues them, with nothing of Slipway around them.
 */
final class EngineFloor implements AutoCloseable {

    private static final String BENCH_LABEL = "io.slipway.bench";
    private static final Map<String, String> LABELS = Map.of(BENCH_LABEL, "floor");
    private static final String APP_LABEL = "io.slipway.app";
    /**
     * How Podman names an image tagged without a registry: {@code localhost/} when Slipway tags it, {@code docker.io/}
     * when a commit through its Docker API names it (the floor's and Slipway's release images).
     */
    private static final List<String> PODMAN_PREFIXES = List.of("localhost/", "docker.io/");

    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient PROBE =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final DockerClient client;

    EngineFloor(Engine engine) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(engine.host().toString())
                .withApiVersion("1.41")
                .build();
        this.client = DockerClientImpl.getInstance(
                config,
                new ApacheDockerHttpClient.Builder()
                        .dockerHost(config.getDockerHost())
                        .maxConnections(64)
                        .build());
    }

    /** Builds an image from a tar context; set-up, never timed. */
    void build(byte[] context, String tag) {
        client.buildImageCmd(new ByteArrayInputStream(context))
                .withTags(Set.of(tag))
                .exec(new BuildImageResultCallback())
                .awaitImageId();
    }

    /**
     * One deploy: predeploy and commit, release, start web and wait until it listens, postdeploy,
     * retire the old web.
     *
     * @param name names this deploy's containers and release image
     * @param old the web container to retire, if any
     * @return the new web container
     */
    String deploy(String name, Optional<String> old) {
        String predeploy = create(BenchApp.IMAGE, name + "-predeploy", BenchApp.PREDEPLOY, null);
        runToEnd(predeploy);
        String release = "slipway-bench/floor-" + name;
        client.commitCmd(predeploy).withRepository(release).withTag("latest").exec();
        client.removeContainerCmd(predeploy).exec();
        runTask(release + ":latest", name + "-release", BenchApp.RELEASE);

        HostConfig publish = HostConfig.newHostConfig()
                .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(BenchApp.PORT)));
        String web = create(release + ":latest", name + "-web", BenchApp.WEB, publish);
        client.startContainerCmd(web).exec();
        awaitListening(web);

        runTask(release + ":latest", name + "-postdeploy", BenchApp.POSTDEPLOY);
        old.ifPresent(this::retire);
        return web;
    }

    void retire(String container) {
        client.stopContainerCmd(container).withTimeout(1).exec();
        client.removeContainerCmd(container).exec();
    }

    /**
     * Removes what the benchmarks left on the engine, before and after each engine's scenarios, never timed: the
     * containers of the floor and the CLI way, the containers and networks of Slipway's benchmark apps, and every
     * image they made. Left behind, they made every later run slower (hundreds of release images on a vfs store,
     * every listing and report of running containers longer), and the runs of one day incomparable.
     */
    void removeLeftovers() {
        List<Container> leftovers = new ArrayList<>(client.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(List.of(BENCH_LABEL))
                .exec());
        client.listContainersCmd().withShowAll(true).withLabelFilter(List.of(APP_LABEL)).exec().stream()
                .filter(container -> isBenchApp(container.getLabels().get(APP_LABEL)))
                .forEach(leftovers::add);
        leftovers.forEach(container ->
                client.removeContainerCmd(container.getId()).withForce(true).exec());
        client.listNetworksCmd().exec().stream()
                .filter(network -> network.getLabels() != null
                        && isBenchApp(network.getLabels().get(APP_LABEL)))
                .forEach(network -> client.removeNetworkCmd(network.getId()).exec());
        client.listImagesCmd().exec().stream()
                .filter(image -> image.getRepoTags() != null)
                .flatMap(image -> List.of(image.getRepoTags()).stream())
                .filter(EngineFloor::isBenchImage)
                .forEach(tag -> client.removeImageCmd(tag).withForce(true).exec());
    }

    private static boolean isBenchApp(String app) {
        return app != null && app.startsWith(BenchApp.APP_PREFIX);
    }

    /** The floor's and the CLI way's release images, and Slipway's of the benchmark apps (Podman adds its prefix). */
    static boolean isBenchImage(String tag) {
        String repository = PODMAN_PREFIXES.stream()
                .filter(tag::startsWith)
                .findFirst()
                .map(prefix -> tag.substring(prefix.length()))
                .orElse(tag);
        return repository.startsWith("slipway-bench/floor-")
                || repository.startsWith("slipway-bench/cli-")
                || repository.startsWith("slipway/" + BenchApp.APP_PREFIX);
    }

    DockerClient client() {
        return client;
    }

    private void runTask(String image, String name, String command) {
        String task = create(image, name, command, null);
        runToEnd(task);
        client.removeContainerCmd(task).exec();
    }

    private void runToEnd(String container) {
        client.startContainerCmd(container).exec();
        int status = client.waitContainerCmd(container).start().awaitStatusCode();
        if (status != 0) {
            throw new IllegalStateException("floor task " + container + " exited " + status);
        }
    }

    private String create(String image, String name, String command, HostConfig hostConfig) {
        var create = client.createContainerCmd(image)
                .withName(name)
                .withLabels(LABELS)
                .withEnv("PORT=" + BenchApp.PORT)
                .withCmd("/bin/sh", "-c", command);
        if (hostConfig != null) {
            create.withExposedPorts(ExposedPort.tcp(BenchApp.PORT)).withHostConfig(hostConfig);
        }
        return create.exec().getId();
    }

    private void awaitListening(String container) {
        Ports.Binding[] bindings = client.inspectContainerCmd(container)
                .exec()
                .getNetworkSettings()
                .getPorts()
                .getBindings()
                .get(ExposedPort.tcp(BenchApp.PORT));
        int port = Integer.parseInt(bindings[0].getHostPortSpec());
        Instant deadline = Instant.now().plus(LISTEN_TIMEOUT);
        while (!answers(port)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("floor web " + container + " never listened on " + port);
            }
            sleep(Duration.ofMillis(10));
        }
    }

    /**
     * Whether an HTTP request to the published port gets an answer. A TCP accept alone proves nothing:
     * Docker's port proxy accepts connections before the process in the container listens.
     */
    static boolean answers(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(1))
                .build();
        try {
            PROBE.send(request, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
