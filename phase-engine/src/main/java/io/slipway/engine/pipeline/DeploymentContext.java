package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentOrder.ManifestFiles;
import io.slipway.contract.LogStream;
import io.slipway.manifest.CommandSyntaxException;
import io.slipway.manifest.ParsedManifests;
import io.slipway.manifest.ProcessLimit;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.ImageDetails;
import io.slipway.runtime.OutputChannel;
import io.slipway.runtime.OutputListener;
import io.slipway.runtime.router.RouterException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One deployment while it runs: its order, the engine and settings it runs with, what it has learnt
 * so far (manifests, the image the phases start from, the release image), and what a failure must
 * undo. The steps read and change the deployment only through it.
 */
final class DeploymentContext {

    /** Something a step made, and how to take it away again. */
    private record Undo(Phase phase, Runnable action) {}

    private static final Duration PAUSE_SLICE = Duration.ofMillis(200);

    private DeploymentOrder order;
    private final ContainerRuntime runtime;
    private final PipelineSettings settings;
    private final ProcessLimit processLimit;
    private final EventRecorder events;
    private final Cancellation cancellation;
    private final Traffic traffic;
    private final SetupMarks setupMarks;
    private final Retirements retirements;
    private final Deque<Undo> undo = new ArrayDeque<>();
    private final List<StartedProcess> started = new ArrayList<>();
    private ManifestFiles files;
    private ParsedManifests manifests;
    private String image;
    private ImageDetails imageDetails;
    private Optional<String> committedImage = Optional.empty();
    private AppNetwork network;

    DeploymentContext(
            DeploymentOrder order,
            ContainerRuntime runtime,
            PipelineSettings settings,
            ProcessLimit processLimit,
            EventRecorder events,
            Cancellation cancellation,
            Traffic traffic,
            SetupMarks setupMarks,
            Retirements retirements) {
        this.order = order;
        this.retirements = retirements;
        this.setupMarks = setupMarks;
        this.runtime = runtime;
        this.settings = settings;
        this.processLimit = processLimit;
        this.events = events;
        this.cancellation = cancellation;
        this.traffic = traffic;
    }

    /**
     * Has the gateway store that this deployment runs the app's one-time task of {@code phase} now.
     *
     * @return false when another deployment of the app has run it
     * @throws PhaseFailure when the mark could not be stored: the task must not run
     */
    boolean markRunOnce(Phase phase) throws PhaseFailure {
        try {
            return setupMarks.mark(order);
        } catch (SetupMarks.Unavailable e) {
            throw PhaseFailure.failed(
                    phase, "not started: that it runs could not be recorded (" + e.getMessage() + ")");
        }
    }

    /** The router the switch changes and the probe the checks use. */
    Traffic traffic() {
        return traffic;
    }

    /** A process container this deployment started, for the checks and the switch that follow. */
    void started(StartedProcess process) {
        started.add(process);
    }

    /** This deployment's process containers, in the order they were started. */
    List<StartedProcess> startedProcesses() {
        return List.copyOf(started);
    }

    DeploymentOrder order() {
        return order;
    }

    /** The ids of the app's containers an earlier deployment replaced and retires: no longer part of what runs. */
    Set<String> retiring() {
        return retirements.pendingOf(order.app());
    }

    /**
     * The networks this deployment's build, tasks and processes join; the first call makes the app's network
     * unless it exists.
     */
    AppNetwork network() {
        if (network == null) {
            AppNetwork decided = AppNetwork.of(settings.network(), order);
            decided.ensured().ifPresent(ensured -> runtime.ensureNetwork(ensured.name(), ensured.labels()));
            network = decided;
        }
        return network;
    }

    ContainerRuntime runtime() {
        return runtime;
    }

    PipelineSettings settings() {
        return settings;
    }

    /** The most containers one process type may run. */
    ProcessLimit processLimit() {
        return processLimit;
    }

    EventRecorder events() {
        return events;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    ParsedManifests manifests() {
        return manifests;
    }

    /**
     * The containers of this deployment get {@code variables} too, as config (app.json's env); the events say so,
     * and mask their values from here on.
     */
    void configAdded(Map<String, String> variables) {
        if (!variables.isEmpty()) {
            order = order.withConfigAdded(variables);
            events.configAdded(variables);
        }
    }

    void manifestsResolved(ManifestFiles files, ParsedManifests manifests) {
        this.files = files;
        this.manifests = manifests;
    }

    /**
     * The phases from here on start from {@code image}.
     *
     * @param phase where a missing image fails the deployment; null before the first phase
     */
    void startFrom(Phase phase, String image) throws PhaseFailure {
        this.imageDetails =
                runtime.inspectImage(image).orElseThrow(() -> PhaseFailure.failed(phase, "image not found: " + image));
        this.image = image;
    }

    /** The configuration of the image the phases start from. */
    ImageDetails imageDetails() {
        return imageDetails;
    }

    /** Tells the manifests and the image together: what a retry needs to run again without a rebuild. */
    void announceManifests() {
        events.manifests(image, files);
    }

    /** A task's container was committed into {@code releaseImage}: the later phases start from it. */
    void committed(String releaseImage) {
        committedImage = Optional.of(releaseImage);
    }

    /** What later phases run, and what becomes current: the committed image, else the image itself. */
    String releaseImage() {
        return committedImage.orElse(image);
    }

    Duration taskTimeout() {
        return order.taskTimeout().orElse(settings.taskTimeout());
    }

    /** The container command for a command of the manifests, in this deployment's image. */
    List<String> containerCmd(Phase phase, String command) throws PhaseFailure {
        try {
            return CommandLine.containerCmd(command, imageDetails, settings.shell());
        } catch (CommandSyntaxException e) {
            throw PhaseFailure.failed(phase, "cannot split the command into words: " + e.getMessage());
        }
    }

    /** A line of Slipway's own in the phase's log. */
    void log(Phase phase, String line) {
        events.log(phase, LogStream.SYSTEM, line);
    }

    /** Where a container's or a build's output goes: the phase's log, stdout and stderr apart. */
    OutputListener output(Phase phase) {
        return (stream, line) ->
                events.log(phase, stream == OutputChannel.STDERR ? LogStream.STDERR : LogStream.STDOUT, line);
    }

    /** Waits, and notices a cancel within a fraction of a second. */
    void pause(Phase phase, Duration duration) throws PhaseFailure {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            throwIfCancelled(phase);
            try {
                Thread.sleep(Math.min(PAUSE_SLICE.toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PhaseFailure.cancelled(phase);
            }
        }
        throwIfCancelled(phase);
    }

    void throwIfCancelled(Phase phase) throws PhaseFailure {
        if (cancellation.isCancelled()) {
            throw PhaseFailure.cancelled(phase);
        }
    }

    /** Registers how to take away what {@code phase} made, should the deployment fail. */
    void onUndo(Phase phase, Runnable action) {
        undo.push(new Undo(phase, action));
    }

    /**
     * Takes away what this deployment made, newest first; never touches an earlier deployment's
     * containers. What the engine refuses is named in the log of the phase that made it.
     */
    void undo() {
        while (!undo.isEmpty()) {
            Undo next = undo.pop();
            try {
                next.action().run();
            } catch (ContainerRuntimeException | RouterException e) {
                log(next.phase(), "cleanup incomplete: " + e.getMessage());
            }
        }
    }
}
