package io.slipway.engine.pipeline;

import io.slipway.engine.pipeline.DeploymentOrder.ManifestFiles;
import io.slipway.manifest.CommandSyntaxException;
import io.slipway.manifest.ManifestException;
import io.slipway.manifest.ManifestParser;
import io.slipway.manifest.ManifestProblem;
import io.slipway.manifest.ParsedManifests;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.ContainerState;
import io.slipway.runtime.ImageDetails;
import io.slipway.runtime.OutputStream;
import io.slipway.runtime.ProcessSpec;
import io.slipway.runtime.ResourceLimits;
import io.slipway.runtime.RestartPolicy;
import io.slipway.runtime.TaskResult;
import io.slipway.runtime.TaskSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs one deployment through the phases of {@link Phase}, in their order, following each phase's
 * declared work and change policy. Any failure undoes what this deployment started and leaves the
 * app's running release as it was.
 */
public final class DeploymentPipeline {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final ContainerRuntime runtime;
    private final ManifestParser parser;
    private final PipelineSettings settings;
    private final Clock clock;

    public DeploymentPipeline(ContainerRuntime runtime, ManifestParser parser, PipelineSettings settings, Clock clock) {
        this.runtime = runtime;
        this.parser = parser;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs the deployment to its end and returns how it ended; every step is reported to {@code events}. */
    public DeploymentStatus run(DeploymentOrder order, Consumer<DeploymentEvent> events, Cancellation cancellation) {
        return new Run(
                        order,
                        new EventRecorder(order.deploymentId(), order.app(), events, clock, settings.maxLogLines()),
                        cancellation)
                .execute();
    }

    /** Removes an app's containers, of every deployment, and the given images; absent ones are fine. */
    public void removeApp(String app, List<String> images) {
        runtime.listContainers(ContainerLabels.allOf(app)).forEach(this::stopAndRemove);
        runtime.removeImage(ImageNames.current(app));
        removeImages(app, images);
    }

    /**
     * Removes images Slipway made for the app; any other reference in {@code images}, such as an
     * image the user deployed as-is, is theirs to keep and left alone.
     */
    public void removeImages(String app, List<String> images) {
        images.stream()
                .filter(image -> image.startsWith(ImageNames.repository(app) + ":"))
                .forEach(runtime::removeImage);
    }

    /**
     * Clears what a crashed process left on the engine: task containers, which no deployment will
     * wait for again, and process containers that do not run an app's current release, started by
     * a deployment that never finished. Only safe while no deployment runs on this engine.
     *
     * @return the names of the containers removed
     */
    public List<String> removeLeftoversOfInterruptedDeployments() {
        List<String> removed = new ArrayList<>();
        for (ContainerInfo task : runtime.listContainers(ContainerLabels.allTasks())) {
            runtime.removeContainer(task.id());
            removed.add(task.name());
        }
        Map<String, Optional<String>> currentImageIds = new HashMap<>();
        for (ContainerInfo process : runtime.listContainers(ContainerLabels.allProcesses())) {
            String app = process.labels().get(ContainerLabels.APP);
            Optional<String> current = currentImageIds.computeIfAbsent(
                    app, key -> runtime.inspectImage(ImageNames.current(key)).map(ImageDetails::id));
            Optional<String> running = runtime.inspectImage(process.image()).map(ImageDetails::id);
            if (current.isPresent() && !current.equals(running)) {
                runtime.removeContainer(process.id());
                removed.add(process.name());
            }
        }
        return removed;
    }

    private void stopAndRemove(ContainerInfo container) {
        runtime.stopContainer(container.id(), settings.stopGrace());
        runtime.removeContainer(container.id());
    }

    /** The state of one deployment while it runs. */
    private final class Run {

        private final DeploymentOrder order;
        private final EventRecorder events;
        private final Cancellation cancellation;
        private final List<String> startedProcesses = new ArrayList<>();
        private String image;
        private ImageDetails imageDetails;
        private ParsedManifests manifests;
        private Optional<String> committedImage = Optional.empty();

        Run(DeploymentOrder order, EventRecorder events, Cancellation cancellation) {
            this.order = order;
            this.events = events;
            this.cancellation = cancellation;
            this.image = order.image();
        }

        DeploymentStatus execute() {
            events.started();
            Phase current = null;
            try {
                ManifestFiles files = readManifests();
                manifests = parse(files);
                if (order.kind() != DeploymentKind.BUILD_CONTEXT) {
                    events.manifests(image, files);
                }
                for (Phase phase : Phase.values()) {
                    current = phase;
                    run(phase, files);
                }
                current = null;
                runtime.tagImage(releaseImage(), ImageNames.current(order.app()));
                retirePreviousRelease();
                events.finished(DeploymentStatus.SUCCEEDED, null, releaseImage());
                return DeploymentStatus.SUCCEEDED;
            } catch (PhaseFailure failure) {
                return fail(failure);
            } catch (ContainerRuntimeException e) {
                return fail(PhaseFailure.failed(current, "engine error: " + e.getMessage()));
            } catch (RuntimeException e) {
                // A bug must still end the deployment with its guarantees, and say what happened.
                return fail(PhaseFailure.failed(current, "internal error: " + e));
            }
        }

        private ManifestFiles readManifests() throws PhaseFailure {
            if (order.manifests().isPresent()) {
                inspectImageIfKnown();
                return order.manifests().get();
            }
            if (order.kind() == DeploymentKind.BUILD_CONTEXT) {
                try {
                    return ManifestFilesReader.fromContext(
                            Path.of(order.buildContext().orElseThrow()), order.appJsonPath(), order.procfilePath());
                } catch (IOException e) {
                    throw PhaseFailure.failed(null, "cannot read the build context: " + e.getMessage());
                }
            }
            inspectImageIfKnown();
            return new ManifestFilesReader(runtime)
                    .fromImage(image, imageDetails.workingDir(), order.appJsonPath(), order.procfilePath());
        }

        private void inspectImageIfKnown() throws PhaseFailure {
            if (image != null) {
                imageDetails = runtime.inspectImage(image)
                        .orElseThrow(() -> PhaseFailure.failed(null, "image not found: " + image));
            }
        }

        private ParsedManifests parse(ManifestFiles files) throws PhaseFailure {
            try {
                ParsedManifests parsed = parser.parse(bytes(files.appJson()), bytes(files.procfile()));
                for (ManifestProblem warning : parsed.warnings()) {
                    events.log(firstPhase(), LogStream.SYSTEM, "warning: " + describe(warning));
                }
                return parsed;
            } catch (ManifestException e) {
                throw PhaseFailure.failed(
                        null,
                        "invalid manifest: "
                                + e.problems().stream()
                                        .map(DeploymentPipeline::describe)
                                        .collect(Collectors.joining("; ")));
            }
        }

        private Phase firstPhase() {
            return Arrays.stream(Phase.values())
                    .filter(phase -> phase.runsFor(order.kind()))
                    .findFirst()
                    .orElseThrow();
        }

        private void run(Phase phase, ManifestFiles files) throws PhaseFailure {
            if (cancellation.isCancelled()) {
                throw PhaseFailure.cancelled(phase);
            }
            if (!phase.runsFor(order.kind())) {
                events.phase(phase, PhaseStatus.SKIPPED, null, null, "not part of " + describe(order.kind()));
                return;
            }
            switch (phase.work()) {
                case BUILD_IMAGE -> build(phase, files);
                case TASK -> runTask(phase);
                case START_PROCESSES -> startProcesses(phase);
            }
        }

        private void build(Phase phase, ManifestFiles files) throws PhaseFailure {
            events.phase(phase, PhaseStatus.RUNNING, null, null, null);
            String tag = ImageNames.built(order.app(), order.deploymentId());
            try (var context = ManifestFilesReader.openMaybeGzipped(
                    Path.of(order.buildContext().orElseThrow()))) {
                runtime.buildImage(context, tag, (stream, line) -> events.log(phase, logStream(stream), line));
            } catch (IOException e) {
                throw PhaseFailure.failed(phase, "cannot read the build context: " + e.getMessage());
            } catch (ContainerRuntimeException e) {
                throw PhaseFailure.failed(phase, "build failed: " + e.getMessage());
            }
            image = tag;
            inspectImageIfKnown();
            events.manifests(image, files);
            events.phase(phase, PhaseStatus.SUCCEEDED, null, null, null);
        }

        private void runTask(Phase phase) throws PhaseFailure {
            Optional<String> command = phase.command(manifests.tasks());
            if (command.isEmpty()) {
                events.log(phase, LogStream.SYSTEM, "no command in " + phase.commandSource() + "; skipped");
                events.phase(phase, PhaseStatus.SKIPPED, null, null, "no command in " + phase.commandSource());
                return;
            }
            events.phase(phase, PhaseStatus.RUNNING, command.get(), null, null);
            Optional<String> commitAs = phase.changes() == Phase.ChangePolicy.COMMIT
                    ? Optional.of(ImageNames.release(order.app(), order.deploymentId()))
                    : Optional.empty();
            TaskSpec task = new TaskSpec(
                    releaseImage(),
                    containerCmd(phase, command.get()),
                    taskEnvironment(phase),
                    ContainerLabels.task(order.app(), order.deploymentId(), phase),
                    order.taskTimeout().orElse(settings.taskTimeout()),
                    commitAs);
            TaskResult result =
                    runtime.runTask(task, (stream, line) -> events.log(phase, logStream(stream), line), cancellation);
            switch (result.outcome()) {
                case TIMED_OUT -> throw PhaseFailure.failed(phase, "timeout");
                case CANCELLED -> throw PhaseFailure.cancelled(phase);
                case EXITED -> {
                    if (result.exitCode() != 0) {
                        throw PhaseFailure.exited(phase, result.exitCode());
                    }
                }
            }
            if (commitAs.isPresent()) {
                committedImage = commitAs;
            }
            events.phase(phase, PhaseStatus.SUCCEEDED, command.get(), 0, null);
        }

        private void startProcesses(Phase phase) throws PhaseFailure {
            events.phase(phase, PhaseStatus.RUNNING, null, null, null);
            List<ProcessPlan.Process> plan;
            try {
                plan = ProcessPlan.resolve(order.formation(), manifests, imageDetails);
            } catch (IllegalArgumentException e) {
                throw PhaseFailure.failed(phase, e.getMessage());
            }
            for (ProcessPlan.Process process : plan) {
                List<String> cmd = process.command().isPresent()
                        ? containerCmd(phase, process.command().get())
                        : List.of();
                String id = runtime.startProcess(new ProcessSpec(
                        releaseImage(),
                        process.name(order.app(), order.deploymentId()),
                        cmd,
                        processEnvironment(process.type()),
                        ContainerLabels.process(order.app(), order.deploymentId(), process.type()),
                        RestartPolicy.UNLESS_STOPPED,
                        ResourceLimits.NONE));
                startedProcesses.add(id);
                events.log(
                        phase,
                        LogStream.SYSTEM,
                        "started " + process.type() + "." + process.index() + " as " + shortId(id));
            }
            awaitRunning(phase);
            events.phase(phase, PhaseStatus.SUCCEEDED, null, null, null);
        }

        /** Each new container must reach running, then stay up through the settle time. */
        private void awaitRunning(Phase phase) throws PhaseFailure {
            long deadline = System.nanoTime() + settings.startTimeout().toNanos();
            for (String id : startedProcesses) {
                while (state(phase, id) != ContainerState.RUNNING) {
                    if (System.nanoTime() > deadline) {
                        throw PhaseFailure.failed(
                                phase,
                                "process container " + shortId(id) + " did not start within "
                                        + settings.startTimeout().toSeconds() + "s");
                    }
                    pause(phase, POLL_INTERVAL);
                }
            }
            pause(phase, settings.settleTime());
            for (String id : startedProcesses) {
                ContainerState state = state(phase, id);
                if (state != ContainerState.RUNNING) {
                    throw PhaseFailure.failed(
                            phase,
                            "process container " + shortId(id) + " stopped after start ("
                                    + state.name().toLowerCase(Locale.ROOT) + ")");
                }
            }
        }

        private ContainerState state(Phase phase, String id) throws PhaseFailure {
            ContainerInfo info = runtime.inspectContainer(id)
                    .orElseThrow(() -> PhaseFailure.failed(phase, "process container " + shortId(id) + " disappeared"));
            if (info.state() == ContainerState.EXITED || info.state() == ContainerState.DEAD) {
                throw PhaseFailure.failed(
                        phase, "process container " + shortId(id) + " exited with code " + info.exitCode());
            }
            return info.state();
        }

        private void pause(Phase phase, Duration duration) throws PhaseFailure {
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                if (cancellation.isCancelled()) {
                    throw PhaseFailure.cancelled(phase);
                }
                try {
                    Thread.sleep(
                            Math.min(POLL_INTERVAL.toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw PhaseFailure.cancelled(phase);
                }
            }
        }

        /**
         * The new release is current by now, so an engine error here does not fail the deployment:
         * the container that could not be retired is named in the log instead.
         */
        private void retirePreviousRelease() {
            for (ContainerInfo container : runtime.listContainers(ContainerLabels.processesOf(order.app()))) {
                if (!order.deploymentId().equals(container.labels().get(ContainerLabels.DEPLOYMENT))) {
                    try {
                        stopAndRemove(container);
                        events.log(Phase.POSTDEPLOY, LogStream.SYSTEM, "retired " + container.name());
                    } catch (ContainerRuntimeException e) {
                        events.log(
                                Phase.POSTDEPLOY,
                                LogStream.SYSTEM,
                                "could not retire " + container.name() + " of the previous release: " + e.getMessage());
                    }
                }
            }
        }

        private DeploymentStatus fail(PhaseFailure failure) {
            undo();
            Phase failedPhase = failure.phase();
            if (failedPhase != null) {
                events.phase(failedPhase, PhaseStatus.FAILED, null, failure.exitCode(), failure.reason());
            }
            for (Phase phase : Phase.values()) {
                if (failedPhase == null || phase.ordinal() > failedPhase.ordinal()) {
                    events.phase(phase, PhaseStatus.SKIPPED, null, null, "not reached");
                }
            }
            DeploymentStatus status = failure.cancelled() ? DeploymentStatus.CANCELLED : DeploymentStatus.FAILED;
            String where = failedPhase == null ? "" : failedPhase.id() + ": ";
            events.finished(status, failure.cancelled() ? "cancelled" : where + failure.reason(), null);
            return status;
        }

        /** Removes what this deployment made; never touches an earlier deployment's containers. */
        private void undo() {
            try {
                Map<String, String> ours = new HashMap<>(ContainerLabels.processesOf(order.app()));
                ours.put(ContainerLabels.DEPLOYMENT, order.deploymentId());
                for (ContainerInfo container : runtime.listContainers(ours)) {
                    runtime.removeContainer(container.id());
                }
                committedImage.ifPresent(runtime::removeImage);
            } catch (ContainerRuntimeException e) {
                events.log(Phase.DEPLOY, LogStream.SYSTEM, "cleanup incomplete: " + e.getMessage());
            }
        }

        private List<String> containerCmd(Phase phase, String command) throws PhaseFailure {
            try {
                return CommandLine.containerCmd(
                        command, imageDetails, order.shell().isEmpty() ? settings.shell() : order.shell());
            } catch (CommandSyntaxException e) {
                throw PhaseFailure.failed(phase, "cannot split the command into words: " + e.getMessage());
            }
        }

        private Map<String, String> taskEnvironment(Phase phase) {
            Map<String, String> env = new HashMap<>(order.config());
            env.put("SLIPWAY_APP", order.app());
            env.put("SLIPWAY_DEPLOYMENT_ID", order.deploymentId());
            env.put("SLIPWAY_PHASE", phase.id());
            return env;
        }

        private Map<String, String> processEnvironment(String processType) {
            Map<String, String> env = new HashMap<>(order.config());
            env.putIfAbsent("PORT", Integer.toString(settings.port()));
            env.put("PS", processType);
            env.put("SLIPWAY_APP", order.app());
            env.put("SLIPWAY_DEPLOYMENT_ID", order.deploymentId());
            return env;
        }

        private String releaseImage() {
            return committedImage.orElse(image);
        }
    }

    private static String describe(ManifestProblem problem) {
        StringBuilder text = new StringBuilder(problem.file());
        if (problem.line() > 0) {
            text.append(':').append(problem.line());
            if (problem.column() > 0) {
                text.append(':').append(problem.column());
            }
        }
        if (problem.path() != null && !problem.path().isEmpty()) {
            text.append(' ').append(problem.path());
        }
        return text.append(": ").append(problem.message()).toString();
    }

    private static String describe(DeploymentKind kind) {
        return switch (kind) {
            case IMAGE -> "an image deployment";
            case BUILD_CONTEXT -> "a build-context deployment";
            case ROLLBACK -> "a rollback";
        };
    }

    private static LogStream logStream(OutputStream stream) {
        return stream == OutputStream.STDERR ? LogStream.STDERR : LogStream.STDOUT;
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
