package io.slipway.contract;

import java.time.Instant;
import java.util.List;

/**
 * What a worker reports on {@link Channels#WORKER_STATUS}, at a fixed interval and whenever one of its
 * deployments ends: that it is alive (its lease), what it runs, and the process containers of its pool's
 * engine, which a gateway that runs no engine shows as the apps' processes.
 *
 * @param engine the engine it serves, e.g. {@code podman 4.3.1 (rootless)}
 * @param running the deployments it has claimed and not finished
 * @param processes every process container of the pool's engine
 */
public record WorkerStatus(
        String workerId,
        String pool,
        String engine,
        Instant at,
        List<String> running,
        List<ProcessContainer> processes) {

    public WorkerStatus {
        running = List.copyOf(running);
        processes = List.copyOf(processes);
    }

    /**
     * One process container as the engine lists it.
     *
     * @param state as {@code ContainerState} names it: {@code RUNNING}, {@code EXITED}, ...
     * @param address the loopback {@code host:port} its {@code PORT} is published on; null when it has none
     */
    public record ProcessContainer(
            String app, String type, String containerId, String name, String state, String address) {}
}
