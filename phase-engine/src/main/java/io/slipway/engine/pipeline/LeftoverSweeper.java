package io.slipway.engine.pipeline;

import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Clears what a crashed process left on the engine: task containers, which no deployment will wait
 * for again, and process containers that do not run an app's current release (an app without one
 * included), started by a deployment that never finished. Only safe while no deployment runs on this
 * engine: a worker sweeps once, as it starts. Each removal is tried on its own and retried, so one the
 * engine refuses does not leave the others behind.
 */
public final class LeftoverSweeper {

    private final ContainerRuntime runtime;
    private final ContainerRemoval removal;

    public LeftoverSweeper(ContainerRuntime runtime) {
        this.runtime = runtime;
        this.removal = new ContainerRemoval(runtime, Duration.ZERO);
    }

    /** What a sweep removed, by container name, and what it could not remove, saying why. */
    public record Sweep(List<String> removed, List<String> problems) {}

    public Sweep removeLeftoversOfInterruptedDeployments() {
        List<ContainerInfo> leftovers = new ArrayList<>(runtime.listContainers(ContainerLabels.allTasks()));
        CurrentReleases current = new CurrentReleases(runtime);
        for (ContainerInfo process : runtime.listContainers(ContainerLabels.allProcesses())) {
            if (!current.runsCurrentRelease(process)) {
                leftovers.add(process);
            }
        }
        List<String> removed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ContainerInfo leftover : leftovers) {
            removal.stopAndRemove(leftover)
                    .ifPresentOrElse(
                            why -> problems.add("could not remove " + leftover.name() + ": " + why),
                            () -> removed.add(leftover.name()));
        }
        return new Sweep(removed, problems);
    }
}
