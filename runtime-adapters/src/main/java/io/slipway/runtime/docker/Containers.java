package io.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.Ports;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.ContainerState;
import io.slipway.runtime.EngineKind;
import io.slipway.runtime.ImageNotFoundException;
import io.slipway.runtime.ResourceLimits;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Container life-cycle calls shared by tasks, processes and file reads. */
final class Containers {

    private static final Logger LOG = LoggerFactory.getLogger(Containers.class);
    /** 128 + 9: the exit status of a process killed by SIGKILL. */
    private static final int SIGKILL_EXIT = 137;

    private final DockerClient queries;
    private final DockerClient docker;
    private final EngineErrors errors;
    private final EngineKind engine;

    /**
     * @param queries for inspect and list, bounded by the engine timeout
     * @param docker for the calls that change containers
     */
    Containers(DockerClient queries, DockerClient docker, EngineErrors errors, EngineKind engine) {
        this.queries = queries;
        this.docker = docker;
        this.errors = errors;
        this.engine = engine;
    }

    /** Variables as the engines take them; passed in the container's configuration, never on a command line. */
    static List<String> envList(Map<String, String> env) {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /** Creates the container {@code command} describes; returns its id. */
    String create(CreateContainerCmd command, String purpose) {
        return errors.call("create " + purpose + " container from " + command.getImage(), () -> {
            try {
                return command.exec().getId();
            } catch (NotFoundException e) {
                throw new ImageNotFoundException(command.getImage());
            }
        });
    }

    void start(String id) {
        errors.run("start container " + id, () -> docker.startContainerCmd(id).exec());
    }

    /** Kills a running container; one that already stopped or vanished is fine. */
    void kill(String id) {
        errors.run("kill container " + id, () -> {
            try {
                docker.killContainerCmd(id).exec();
            } catch (NotFoundException | ConflictException notRunning) {
                LOG.debug("container {} was no longer running: {}", id, notRunning.getMessage());
            }
        });
    }

    void stop(String id, Duration grace) {
        errors.run("stop container " + id, () -> {
            try {
                docker.stopContainerCmd(id).withTimeout((int) grace.toSeconds()).exec();
            } catch (NotFoundException | NotModifiedException alreadyStopped) {
                LOG.debug("container {} was not running", id);
            }
        });
    }

    /**
     * Removes a container forcibly, running or not; an absent one is fine. When another request is removing it
     * already (a cancel and a task's own clean-up at once), this waits until it is gone, so that a caller told
     * it was removed never finds it still there. Podman refuses to kill a container its restart policy is
     * between two runs of ("container state improper"); a moment later the removal goes through.
     */
    void remove(String id) {
        errors.run("remove container " + id, () -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    docker.removeContainerCmd(id)
                            .withForce(true)
                            .withRemoveVolumes(true)
                            .exec();
                    return;
                } catch (NotFoundException alreadyGone) {
                    LOG.debug("container {} was already removed", id);
                    return;
                } catch (ConflictException removing) {
                    if (!String.valueOf(removing.getMessage()).contains(REMOVAL_IN_PROGRESS)) {
                        throw removing;
                    }
                    awaitGone(id);
                    return;
                } catch (InternalServerErrorException refused) {
                    if (attempt >= REMOVAL_ATTEMPTS
                            || !String.valueOf(refused.getMessage()).contains(BETWEEN_RESTARTS)) {
                        throw refused;
                    }
                    LOG.debug("container {} is between restarts; removing it again", id);
                    if (!pause(Duration.ofMillis(200))) {
                        throw refused;
                    }
                }
            }
        });
    }

    private static final String BETWEEN_RESTARTS = "container state improper";
    private static final int REMOVAL_ATTEMPTS = 5;
    private static final String REMOVAL_IN_PROGRESS = "already in progress";
    private static final Duration REMOVAL_WAIT = Duration.ofSeconds(60);

    private void awaitGone(String id) {
        long deadline = System.nanoTime() + REMOVAL_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                queries.inspectContainerCmd(id).exec();
            } catch (NotFoundException gone) {
                return;
            }
            if (!pause(Duration.ofMillis(200))) {
                return;
            }
        }
        throw new ContainerRuntimeException("container " + id + " was still being removed after " + REMOVAL_WAIT);
    }

    /** @return false when interrupted (the interrupt is kept for the caller) */
    private static boolean pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** For {@code finally} blocks: a failed removal must not hide the outcome being reported. */
    void removeQuietly(String id) {
        try {
            remove(id);
        } catch (ContainerRuntimeException e) {
            LOG.warn("container {} could not be removed: {}", id, e.getMessage());
        }
    }

    /**
     * Whether the engine killed the stopped container {@code id} for its memory. A SIGKILL exit (137) of a container
     * with a memory limit, which Slipway did not cause, is read as that on both engines: Podman 4.3 on cgroup v1 never
     * reports {@code OOMKilled}, even when the kernel killed the container's main process for it, and Docker on cgroup
     * v1 reports it late or not at all (exit 137 with {@code OOMKilled: false}, seen 2 s after the exit in a loaded
     * run). Any other exit is the engine's word: Docker reports the kill of a process other than the main one.
     */
    boolean killedForMemory(String id, int exitCode, ResourceLimits limits) {
        if (exitCode == SIGKILL_EXIT && limits.memoryBytes().isPresent()) {
            return true;
        }
        return Boolean.TRUE.equals(errors.call(
                "inspect container " + id,
                () -> queries.inspectContainerCmd(id).exec().getState().getOOMKilled()));
    }

    Optional<ContainerInfo> inspect(String id) {
        return errors.call("inspect container " + id, () -> {
            try {
                return Optional.of(infoOf(queries.inspectContainerCmd(id).exec()));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * One call, however many containers match: the list answers each one's state, and its exit code
     * within the status text ("Exited (3) 2 seconds ago").
     */
    List<ContainerInfo> list(Map<String, String> labels) {
        return listed(labels).stream().map(this::infoOf).toList();
    }

    /** The engine's listing, one call. */
    List<Container> listed(Map<String, String> labels) {
        return errors.call(
                "list containers labelled " + labels,
                () -> queries.listContainersCmd()
                        .withShowAll(true)
                        .withLabelFilter(labels)
                        .exec());
    }

    /** A container as a list describes it (no restart count, no start). */
    ContainerInfo infoOf(Container container) {
        String[] names = container.getNames();
        String name = names == null || names.length == 0 ? "" : names[0];
        Map<String, String> labels = container.getLabels();
        ContainerState state = ContainerStates.of(container.getState());
        return new ContainerInfo(
                container.getId(),
                name.startsWith("/") ? name.substring(1) : name,
                imageAsGiven(container.getImage()),
                state,
                ContainerStates.exitCodeOf(container.getStatus()),
                labels == null ? Map.of() : labels,
                0,
                state == ContainerState.EXITED || state == ContainerState.DEAD,
                listedAddress(container.getPorts()));
    }

    /** Both engines list a published port with the host address it is bound to and its host port. */
    private static Optional<String> listedAddress(ContainerPort[] ports) {
        if (ports == null) {
            return Optional.empty();
        }
        return Arrays.stream(ports)
                .filter(port -> port.getPublicPort() != null && port.getIp() != null)
                .map(port -> port.getIp() + ":" + port.getPublicPort())
                .findFirst();
    }

    private ContainerInfo infoOf(InspectContainerResponse container) {
        InspectContainerResponse.ContainerState state = container.getState();
        Long exitCode = state.getExitCodeLong();
        Map<String, String> labels = container.getConfig().getLabels();
        Integer restarts = container.getRestartCount();
        return new ContainerInfo(
                container.getId(),
                container.getName().startsWith("/") ? container.getName().substring(1) : container.getName(),
                imageAsGiven(container.getConfig().getImage()),
                ContainerStates.of(state.getStatus()),
                exitCode == null ? 0 : exitCode.intValue(),
                labels == null ? Map.of() : labels,
                restarts == null ? 0 : restarts,
                ContainerStates.hasFinished(state.getFinishedAt()),
                inspectedAddress(container),
                ContainerStates.time(state.getStartedAt()));
    }

    private static Optional<String> inspectedAddress(InspectContainerResponse container) {
        if (container.getNetworkSettings() == null
                || container.getNetworkSettings().getPorts() == null) {
            return Optional.empty();
        }
        return container.getNetworkSettings().getPorts().getBindings().values().stream()
                .filter(bindings -> bindings != null)
                .flatMap(Arrays::stream)
                .filter(binding -> binding.getHostPortSpec() != null
                        && !binding.getHostPortSpec().isBlank())
                .map(binding -> hostAddress(binding) + ":" + binding.getHostPortSpec())
                .findFirst();
    }

    private static String hostAddress(Ports.Binding binding) {
        String ip = binding.getHostIp();
        return ip == null || ip.isBlank() || ip.equals("0.0.0.0") ? "127.0.0.1" : ip;
    }

    private String imageAsGiven(String image) {
        return engine == EngineKind.PODMAN ? ImageNames.asGiven(image) : image;
    }
}
