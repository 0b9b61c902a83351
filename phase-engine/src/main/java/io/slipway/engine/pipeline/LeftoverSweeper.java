package io.slipway.engine.pipeline;

import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ImageDetails;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clears what a crashed process left on the engine: task containers, which no deployment will wait
 * for again, and process containers that do not run an app's current release, started by a
 * deployment that never finished. Only safe while no deployment runs on this engine: a worker sweeps
 * once, as it starts.
 */
public final class LeftoverSweeper {

    private final ContainerRuntime runtime;

    public LeftoverSweeper(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    /** @return the names of the containers removed */
    public List<String> removeLeftoversOfInterruptedDeployments() {
        List<String> removed = new ArrayList<>();
        for (ContainerInfo task : runtime.listContainers(ContainerLabels.allTasks())) {
            runtime.removeContainer(task.id());
            removed.add(task.name());
        }
        Map<String, Optional<String>> currentImageIds = new HashMap<>();
        for (ContainerInfo process : runtime.listContainers(ContainerLabels.allProcesses())) {
            String app = process.labels().get(ContainerLabels.APP);
            Optional<String> current = currentImageIds.computeIfAbsent(
                    app, key -> runtime.inspectImage(AppImages.current(key)).map(ImageDetails::id));
            Optional<String> running = runtime.inspectImage(process.image()).map(ImageDetails::id);
            if (current.isPresent() && !current.equals(running)) {
                runtime.removeContainer(process.id());
                removed.add(process.name());
            }
        }
        return removed;
    }
}
