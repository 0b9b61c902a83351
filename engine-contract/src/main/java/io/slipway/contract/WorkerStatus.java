package io.slipway.contract;

import java.time.Instant;
import java.util.List;

/**
 * What an engine reports, at a fixed interval and whenever one of its deployments ends: that it is alive (a
 * worker's lease), what it runs, and the process containers of its pool's engine, which the gateway stores and
 * shows as the apps' processes. A distributed worker sends it on {@link Channels#WORKER_STATUS}; the engine a
 * gateway embeds hands it over in process (see {@link #EMBEDDED_WORKER}).
 *
 * @param engine the engine it serves, e.g. {@code podman 4.3.1 (rootless)}
 * @param running the deployments it has claimed and not finished
 * @param processes every process container of the pool's engine; empty when {@code engineError} is set
 * @param engineError null when the engine listed its containers; else why it did not, and {@code processes}
 *     says nothing (the gateway keeps what it was told last, its state {@code UNKNOWN})
 * @param enforcesLimits whether the engine can enforce memory and CPU limits; null when not said
 */
public record WorkerStatus(
        String workerId,
        String pool,
        String engine,
        Instant at,
        List<String> running,
        List<ProcessContainer> processes,
        String engineError,
        Boolean enforcesLimits) {

    /** The worker id of the engine a gateway embeds: it holds no lease, and its reports only say what runs. */
    public static final String EMBEDDED_WORKER = "embedded";

    public WorkerStatus {
        running = List.copyOf(running);
        processes = List.copyOf(processes);
    }

    /**
     * One process container as the engine lists it.
     *
     * @param state as {@link ProcessState} names it: {@code RUNNING}, {@code EXITED}, ...
     * @param address the loopback {@code host:port} its {@code PORT} is published on; null when it has none
     * @param deploymentId the deployment that started it
     * @param restarts how often the engine's restart policy restarted it; null when not said
     * @param startedAt when its process last started; null when not said
     */
    public record ProcessContainer(
            String app,
            String type,
            String containerId,
            String name,
            String state,
            String address,
            String deploymentId,
            Integer restarts,
            Instant startedAt) {

        /** A container whose restarts and start are not said. */
        public ProcessContainer(
                String app,
                String type,
                String containerId,
                String name,
                String state,
                String address,
                String deploymentId) {
            this(app, type, containerId, name, state, address, deploymentId, null, null);
        }
    }
}
