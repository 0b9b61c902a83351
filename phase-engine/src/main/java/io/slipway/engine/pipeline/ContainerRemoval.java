package io.slipway.engine.pipeline;

import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stops and removes containers so that none is left behind by one that fails: each is tried on its
 * own, and a refused removal is tried again after a pause, because an engine refuses to remove a
 * container caught between states (Podman's "container state improper" while a restart policy
 * restarts it) and accepts a moment later.
 */
final class ContainerRemoval {

    static final int ATTEMPTS = 3;
    private static final Duration PAUSE = Duration.ofMillis(500);
    /** In parallel, but hundreds of containers must not start hundreds of threads. */
    private static final int MAX_PARALLEL_STOPS = 16;

    private final ContainerRuntime runtime;
    private final Duration stopGrace;

    ContainerRemoval(ContainerRuntime runtime, Duration stopGrace) {
        this.runtime = runtime;
        this.stopGrace = stopGrace;
    }

    /** One after another. @return one line for each container that is still there, saying why */
    List<String> stopAndRemove(List<ContainerInfo> containers) {
        List<String> problems = new ArrayList<>();
        for (ContainerInfo container : containers) {
            stopAndRemove(container).ifPresent(why -> problems.add(problem(container, why)));
        }
        return problems;
    }

    /** In parallel ({@link #stopAndRemoveEach}). @return one line for each container that is still there */
    List<String> stopAndRemoveAll(List<ContainerInfo> containers) {
        List<Optional<String>> outcomes = stopAndRemoveEach(containers);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            ContainerInfo container = containers.get(i);
            outcomes.get(i).ifPresent(why -> problems.add(problem(container, why)));
        }
        return problems;
    }

    private static String problem(ContainerInfo container, String why) {
        return "could not remove " + container.name() + ": " + why;
    }

    /**
     * Stops and removes the containers in parallel: a process that ignores SIGTERM keeps its container for the whole
     * grace, and one after another, ten of them took ten times the grace.
     *
     * @return for each container, in the same order, the engine's reason if it is still there
     */
    List<Optional<String>> stopAndRemoveEach(List<ContainerInfo> containers) {
        if (containers.isEmpty()) {
            return List.of();
        }
        ExecutorService stops = Executors.newFixedThreadPool(Math.min(containers.size(), MAX_PARALLEL_STOPS));
        try {
            List<CompletableFuture<Optional<String>>> removed = containers.stream()
                    .map(container -> CompletableFuture.supplyAsync(() -> stopAndRemove(container), stops))
                    .toList();
            return removed.stream().map(CompletableFuture::join).toList();
        } finally {
            stops.shutdown();
        }
    }

    /** SIGTERM, the grace, SIGKILL, then removal. @return the engine's reason, if the container is still there */
    Optional<String> stopAndRemove(ContainerInfo container) {
        String problem = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                runtime.stopContainer(container.id(), stopGrace);
                runtime.removeContainer(container.id());
                return Optional.empty();
            } catch (ContainerRuntimeException e) {
                problem = e.getMessage();
                if (attempt < ATTEMPTS && !pause()) {
                    break;
                }
            }
        }
        return Optional.of(problem);
    }

    /** Removes image references, each on its own. @return one line for each that is still there */
    List<String> removeImages(List<String> images) {
        List<String> problems = new ArrayList<>();
        for (String image : images) {
            try {
                runtime.removeImage(image);
            } catch (ContainerRuntimeException e) {
                problems.add("could not remove " + image + ": " + e.getMessage());
            }
        }
        return problems;
    }

    /** @return false when interrupted: the caller stops retrying, the flag set again */
    private static boolean pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
