package io.slipway.contract;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * The memory and CPU an app's containers may use: every task container, and each process type's containers.
 *
 * @param processes by process type; a type not named runs without limits
 */
public record AppLimits(Limits task, Map<String, Limits> processes) {

    public static final AppLimits NONE = new AppLimits(Limits.NONE, Map.of());

    public AppLimits {
        task = task == null ? Limits.NONE : task;
        processes = processes == null ? Map.of() : Map.copyOf(processes);
    }

    public Limits process(String type) {
        return processes.getOrDefault(type, Limits.NONE);
    }

    /** Derived, so not part of the message. */
    @JsonIgnore
    public boolean isNone() {
        return task.isNone() && processes.values().stream().allMatch(Limits::isNone);
    }
}
