package io.slipway.runtime.docker;

import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.TaskOutcome;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a task container and remembers why; the first reason (timeout or cancel) is the one reported.
 * Called from the canceller's thread too, so it never throws.
 */
final class TaskStopper {

    private static final Logger LOG = LoggerFactory.getLogger(TaskStopper.class);

    private final Containers containers;
    private final String containerId;
    private final AtomicReference<TaskOutcome> reason = new AtomicReference<>();

    TaskStopper(Containers containers, String containerId) {
        this.containers = containers;
        this.containerId = containerId;
    }

    void stop(TaskOutcome why) {
        reason.compareAndSet(null, why);
        try {
            containers.kill(containerId);
        } catch (ContainerRuntimeException e) {
            LOG.warn("task container {} could not be killed ({}): {}", containerId, why, e.getMessage());
        }
    }

    Optional<TaskOutcome> reason() {
        return Optional.ofNullable(reason.get());
    }
}
