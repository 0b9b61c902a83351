package io.slipway.engine.pipeline;

import io.slipway.contract.LogStream;
import io.slipway.contract.RunEvent;
import io.slipway.contract.RunOrder;
import io.slipway.contract.RunStatus;
import io.slipway.manifest.CommandSyntaxException;
import io.slipway.manifest.ManifestException;
import io.slipway.manifest.ManifestParser;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ImageDetails;
import io.slipway.runtime.OutputChannel;
import io.slipway.runtime.TaskResult;
import io.slipway.runtime.TaskSpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs one-off commands (Dokku's {@code run}) in a new task container of an app's current release: the app's
 * config and task limits, in the app's network, no published port, the tasks' ENTRYPOINT rule, the changes
 * discarded and the container removed whatever happens (the runtime's {@link ContainerRuntime#runTask} promise). A
 * command that names a process type of the release's Procfile runs that entry's command. Each run reports its
 * events in order, its {@link RunEvent.Finished} always last, however it ends.
 */
public final class OneOffRun {

    private final ContainerRuntime runtime;
    private final ManifestParser parser;
    private final PipelineSettings settings;
    private final Clock clock;

    public OneOffRun(ContainerRuntime runtime, ManifestParser parser, PipelineSettings settings, Clock clock) {
        this.runtime = runtime;
        this.parser = parser;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs {@code order} to its end on the calling thread; {@code cancellation} kills it. */
    public void run(RunOrder order, Cancellation cancellation, Consumer<RunEvent> sink) {
        Events events = events(order, sink);
        if (cancellation.isCancelled()) {
            events.finished(RunStatus.CANCELLED, null, "cancelled");
            return;
        }
        try {
            TaskSpec task = task(order);
            events.started();
            TaskResult result = runtime.runTask(task, events::output, cancellation);
            switch (result.outcome()) {
                case EXITED ->
                    events.finished(
                            result.exitCode() == 0 ? RunStatus.SUCCEEDED : RunStatus.FAILED,
                            result.exitCode(),
                            result.exitCode() == 0 ? null : "exited with code " + result.exitCode());
                case TIMED_OUT -> events.finished(RunStatus.TIMED_OUT, null, "timeout");
                case CANCELLED -> events.finished(RunStatus.CANCELLED, null, "cancelled");
                case OUT_OF_MEMORY -> events.finished(RunStatus.FAILED, result.exitCode(), "out of memory");
            }
        } catch (RunRefused e) {
            events.finished(RunStatus.FAILED, null, e.getMessage());
        } catch (RuntimeException e) {
            // The engine failed or went away: the run ends with its message, and never hangs.
            events.finished(
                    RunStatus.FAILED,
                    null,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    TaskSpec task(RunOrder order) throws RunRefused {
        ImageDetails image = runtime.inspectImage(order.image())
                .orElseThrow(() -> new RunRefused("image not found: " + order.image()));
        List<String> cmd;
        try {
            cmd = CommandLine.containerCmd(commandOf(order), image, settings.shell());
        } catch (CommandSyntaxException e) {
            throw new RunRefused("cannot split the command into words: " + e.getMessage());
        }
        AppNetwork network = AppNetwork.of(settings.network(), order.app(), order.network());
        network.ensured().ifPresent(ensured -> runtime.ensureNetwork(ensured.name(), ensured.labels()));
        Map<String, String> env = new HashMap<>(order.env());
        env.put("SLIPWAY_APP", order.app());
        env.put("SLIPWAY_RUN_ID", order.runId());
        return new TaskSpec(
                order.image(),
                cmd,
                env,
                ContainerLabels.run(order.app(), order.runId()),
                order.timeout().orElse(settings.taskTimeout()),
                Optional.empty(),
                EngineLimits.of(order.limits()),
                Optional.of(network.tasks()));
    }

    /** The Procfile entry's command when the command is a process type's name (Dokku), else the command. */
    private String commandOf(RunOrder order) throws RunRefused {
        if (order.procfile() == null) {
            return order.command();
        }
        try {
            return parser.parseProcfile(order.procfile().getBytes(StandardCharsets.UTF_8))
                    .processes()
                    .getOrDefault(order.command().strip(), order.command());
        } catch (ManifestException e) {
            throw new RunRefused("the release's Procfile cannot be read: " + e.getMessage());
        }
    }

    /** Why a run could not start, in words for its reason. */
    static final class RunRefused extends Exception {
        RunRefused(String message) {
            super(message);
        }
    }

    /** A new run's events. */
    Events events(RunOrder order, Consumer<RunEvent> sink) {
        return new Events(order, sink);
    }

    /** One run's events, numbered; output past the cap is dropped and counted, and said before the end. */
    final class Events {

        private final RunOrder order;
        private final Consumer<RunEvent> sink;
        private final ConfigRedaction redaction;
        private long seq;
        private long lines;

        Events(RunOrder order, Consumer<RunEvent> sink) {
            this.order = order;
            this.sink = sink;
            this.redaction = ConfigRedaction.of(order.env());
        }

        synchronized void started() {
            sink.accept(new RunEvent.Started(order.runId(), order.app(), ++seq, clock.instant()));
        }

        synchronized void output(OutputChannel channel, String line) {
            if (++lines > settings.maxLogLines()) {
                return;
            }
            LogStream stream = channel == OutputChannel.STDERR ? LogStream.STDERR : LogStream.STDOUT;
            sink.accept(new RunEvent.Output(order.runId(), order.app(), ++seq, clock.instant(), stream, line));
        }

        synchronized void finished(RunStatus status, Integer exitCode, String reason) {
            if (lines > settings.maxLogLines()) {
                String said = "output reached the cap of " + settings.maxLogLines() + " lines: the "
                        + (lines - settings.maxLogLines()) + " lines after it were dropped";
                sink.accept(new RunEvent.Output(
                        order.runId(), order.app(), ++seq, clock.instant(), LogStream.SYSTEM, said));
            }
            sink.accept(new RunEvent.Finished(
                    order.runId(), order.app(), ++seq, clock.instant(), status, exitCode, redaction.apply(reason)));
        }
    }
}
