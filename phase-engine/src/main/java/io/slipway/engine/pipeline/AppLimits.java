package io.slipway.engine.pipeline;

import io.slipway.runtime.ResourceLimits;
import java.util.Map;

/**
 * The memory and CPU an app's containers may use: every task container, and each process type's containers.
 *
 * @param processes by process type; a type not named runs without limits
 */
public record AppLimits(ResourceLimits task, Map<String, ResourceLimits> processes) {

    public static final AppLimits NONE = new AppLimits(ResourceLimits.NONE, Map.of());

    public AppLimits {
        task = task == null ? ResourceLimits.NONE : task;
        processes = processes == null ? Map.of() : Map.copyOf(processes);
    }

    public ResourceLimits process(String type) {
        return processes.getOrDefault(type, ResourceLimits.NONE);
    }

    public boolean isNone() {
        return task.isNone() && processes.values().stream().allMatch(ResourceLimits::isNone);
    }
}
