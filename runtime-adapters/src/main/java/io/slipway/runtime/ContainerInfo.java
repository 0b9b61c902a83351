package io.slipway.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A container as the engine reports it.
 *
 * @param exitCode the exit code once it has exited, else 0
 * @param restartCount how often the engine's restart policy has restarted it; from an inspect only (a list
 *     answers 0)
 * @param hasExited whether its process has ended at least once since it was created, even if the engine
 *     restarted it since: from an inspect (the engine's finish time), else from the listed state
 * @param address the loopback address ({@code 127.0.0.1:49153}) of the host where its published port
 *     answers; empty when it publishes none
 * @param startedAt when its process last started; from an inspect only (empty from a list, and before a start)
 */
public record ContainerInfo(
        String id,
        String name,
        String image,
        ContainerState state,
        int exitCode,
        Map<String, String> labels,
        int restartCount,
        boolean hasExited,
        Optional<String> address,
        Optional<Instant> startedAt) {

    public ContainerInfo {
        labels = Map.copyOf(labels);
        Objects.requireNonNull(address, "address");
        startedAt = startedAt == null ? Optional.empty() : startedAt;
    }

    /**
     * This inspection of a listed container, its published port answering where {@code listed} says when the list
     * names an address, else where the inspection does.
     */
    public ContainerInfo withAddressOf(ContainerInfo listed) {
        return new ContainerInfo(
                id,
                name,
                image,
                state,
                exitCode,
                labels,
                restartCount,
                hasExited,
                listed.address().or(() -> address),
                startedAt);
    }

    /** A container whose start time is not known (a list's). */
    public ContainerInfo(
            String id,
            String name,
            String image,
            ContainerState state,
            int exitCode,
            Map<String, String> labels,
            int restartCount,
            boolean hasExited,
            Optional<String> address) {
        this(id, name, image, state, exitCode, labels, restartCount, hasExited, address, Optional.empty());
    }

    /** A container that publishes no port, whose history is only its current state. */
    public ContainerInfo(
            String id, String name, String image, ContainerState state, int exitCode, Map<String, String> labels) {
        this(
                id,
                name,
                image,
                state,
                exitCode,
                labels,
                0,
                state == ContainerState.EXITED || state == ContainerState.DEAD,
                Optional.empty());
    }
}
