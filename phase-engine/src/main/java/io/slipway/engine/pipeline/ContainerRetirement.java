package io.slipway.engine.pipeline;

import io.slipway.runtime.ContainerRuntime;
import java.time.Duration;

/** How a process container Slipway no longer needs goes: SIGTERM, the grace, SIGKILL, then removal. */
final class ContainerRetirement {

    private ContainerRetirement() {}

    static void stopAndRemove(ContainerRuntime runtime, String containerId, Duration grace) {
        runtime.stopContainer(containerId, grace);
        runtime.removeContainer(containerId);
    }
}
