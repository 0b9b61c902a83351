package io.slipway.engine.pipeline;

import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stops and removes containers so that none is left behind by one that fails: each is tried on its
 * own, and a refused removal is tried again after a pause, because an engine refuses to remove a
 * container caught between states (Podman's "container state improper" while a restart policy
 * restarts it) and accepts a moment later.
 */
final class ContainerRemoval {

    static final int ATTEMPTS = 3;
    private static final Duration PAUSE = Duration.ofMillis(500);

    private final ContainerRuntime runtime;
    private final Duration stopGrace;

    ContainerRemoval(ContainerRuntime runtime, Duration stopGrace) {
        this.runtime = runtime;
        this.stopGrace = stopGrace;
    }

    /** @return one line for each container that is still there, saying why */
    List<String> stopAndRemove(List<ContainerInfo> containers) {
        List<String> problems = new ArrayList<>();
        for (ContainerInfo container : containers) {
            stopAndRemove(container)
                    .ifPresent(why -> problems.add("could not remove " + container.name() + ": " + why));
        }
        return problems;
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
