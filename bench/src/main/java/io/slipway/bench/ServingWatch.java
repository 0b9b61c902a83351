package io.slipway.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * When a new release of an app first serves, watched from outside Slipway: the engine is asked for the app's web
 * containers until one that was not there before has a published port, and that port is asked over HTTP until it
 * answers. Without a router an app answers at its web containers' published addresses, so that answer is the new
 * release serving.
 */
final class ServingWatch {

    private static final Duration LIST_EVERY = Duration.ofMillis(50);
    private static final Duration PROBE_EVERY = Duration.ofMillis(10);
    private static final Duration LIMIT = Duration.ofMinutes(2);

    private final CompletableFuture<Duration> served;

    private ServingWatch(DockerClient engine, String app, Set<String> before, long startNanos) {
        this.served = CompletableFuture.supplyAsync(() -> watch(engine, app, before, startNanos), ServingWatch::daemon);
    }

    /** A watch left behind by a failed deploy must not keep the harness from exiting. */
    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "serving-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** The ids of the app's web containers now: what a watch started next leaves out. */
    static Set<String> webs(DockerClient engine, String app) {
        return list(engine, app).map(Container::getId).collect(Collectors.toSet());
    }

    /** Starts watching for a web container not in {@code before}; times count from {@code startNanos}. */
    static ServingWatch start(DockerClient engine, String app, Set<String> before, long startNanos) {
        return new ServingWatch(engine, app, before, startNanos);
    }

    /** From the start to the new release's first HTTP answer. */
    Duration await() {
        try {
            return served.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the new release was not seen serving", e);
        }
    }

    private static Duration watch(DockerClient engine, String app, Set<String> before, long startNanos) {
        long deadline = startNanos + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Integer> port = list(engine, app)
                    .filter(container -> !before.contains(container.getId()) && container.getPorts() != null)
                    .flatMap(container -> Stream.of(container.getPorts()))
                    .filter(published -> published.getPublicPort() != null && published.getPublicPort() > 0)
                    .map(ContainerPort::getPublicPort)
                    .findFirst();
            if (port.isPresent()) {
                while (System.nanoTime() < deadline) {
                    if (EngineFloor.answers(port.get())) {
                        return Duration.ofNanos(System.nanoTime() - startNanos);
                    }
                    EngineFloor.sleep(PROBE_EVERY);
                }
            }
            EngineFloor.sleep(LIST_EVERY);
        }
        throw new IllegalStateException("no new web container of " + app + " answered within " + LIMIT);
    }

    private static Stream<Container> list(DockerClient engine, String app) {
        return engine
                .listContainersCmd()
                .withLabelFilter(Map.of("io.slipway.app", app, "io.slipway.process-type", "web"))
                .exec()
                .stream();
    }
}
