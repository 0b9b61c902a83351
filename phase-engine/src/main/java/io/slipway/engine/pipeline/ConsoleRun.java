package io.slipway.engine.pipeline;

import io.slipway.contract.RunConsoles.ConsoleScreen;
import io.slipway.contract.RunConsoles.RunConsole;
import io.slipway.contract.RunEvent;
import io.slipway.contract.RunOrder;
import io.slipway.contract.RunStatus;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.TaskResult;
import io.slipway.runtime.TaskSpec;
import io.slipway.runtime.Terminal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs an interactive run's console once its client attached: the one-off run's container ({@link OneOffRun}), with
 * a TTY and an open stdin; what it prints goes to the client only, never into the run's events, so it is not stored.
 * Its events are the run's start and its end, the end always last.
 */
public final class ConsoleRun {

    /** What a console's TTY is, unless the app's config says otherwise: what browsers' and most terminals speak. */
    private static final String TERM = "xterm-256color";

    /** The console of a run that could not start: nothing to type into. */
    private static final RunConsole ENDED = new RunConsole() {
        @Override
        public void type(byte[] input) {}

        @Override
        public void resize(int columns, int rows) {}

        @Override
        public void detach() {}
    };

    private final OneOffRun runs;
    private final ContainerRuntime runtime;

    public ConsoleRun(OneOffRun runs, ContainerRuntime runtime) {
        this.runs = runs;
        this.runtime = runtime;
    }

    /**
     * Runs {@code order}'s console to its end on the calling thread. {@code opened} receives the console as soon as
     * its container runs, or one that ignores its client when it could not start; {@code cancellation} kills it.
     */
    public void run(
            RunOrder order,
            ConsoleScreen screen,
            Cancellation cancellation,
            Consumer<RunEvent> sink,
            Consumer<RunConsole> opened) {
        OneOffRun.Events events = runs.events(order, sink);
        TaskSpec task;
        Terminal terminal;
        try {
            task = consoleTask(order);
            terminal = runtime.openTerminal(task, screen::print);
        } catch (OneOffRun.RunRefused e) {
            failed(events, screen, opened, e.getMessage());
            return;
        } catch (RuntimeException e) {
            failed(events, screen, opened, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return;
        }
        events.started();
        opened.accept(new Attached(terminal));
        RunStatus status;
        Integer exitCode = null;
        try {
            TaskResult result = terminal.awaitEnd(task.timeout(), cancellation);
            switch (result.outcome()) {
                case EXITED -> {
                    exitCode = result.exitCode();
                    status = exitCode == 0 ? RunStatus.SUCCEEDED : RunStatus.FAILED;
                    events.finished(status, exitCode, exitCode == 0 ? null : "exited with code " + exitCode);
                }
                case TIMED_OUT -> events.finished(status = RunStatus.TIMED_OUT, null, "timeout");
                case CANCELLED -> events.finished(status = RunStatus.CANCELLED, null, "cancelled");
                case OUT_OF_MEMORY -> {
                    exitCode = result.exitCode();
                    events.finished(status = RunStatus.FAILED, exitCode, "out of memory");
                }
                default -> throw new IllegalStateException("unknown outcome " + result.outcome());
            }
        } catch (RuntimeException e) {
            status = RunStatus.FAILED;
            events.finished(status, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        screen.ended(status, exitCode);
    }

    /** Ends a run whose client never came. */
    public void notAttached(RunOrder order, Consumer<RunEvent> sink, String why) {
        runs.events(order, sink).finished(RunStatus.CANCELLED, null, why);
    }

    private TaskSpec consoleTask(RunOrder order) throws OneOffRun.RunRefused {
        TaskSpec task = runs.task(order);
        Map<String, String> env = new HashMap<>(task.env());
        env.putIfAbsent("TERM", TERM);
        return new TaskSpec(
                task.image(),
                task.cmd(),
                env,
                task.labels(),
                task.timeout(),
                task.commitAs(),
                task.limits(),
                task.network());
    }

    private static void failed(
            OneOffRun.Events events, ConsoleScreen screen, Consumer<RunConsole> opened, String reason) {
        events.finished(RunStatus.FAILED, null, reason);
        screen.ended(RunStatus.FAILED, null);
        opened.accept(ENDED);
    }

    /** The client's side of a running console. */
    private record Attached(Terminal terminal) implements RunConsole {

        @Override
        public void type(byte[] input) {
            terminal.type(input);
        }

        @Override
        public void resize(int columns, int rows) {
            terminal.resize(columns, rows);
        }

        @Override
        public void detach() {
            terminal.close();
        }
    }
}
