package io.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.TaskOutcome;
import io.slipway.runtime.TaskResult;
import io.slipway.runtime.Terminal;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started console container and its attach; see {@link TerminalOpener}. */
final class AttachedTerminal implements Terminal {

    private static final Logger LOG = LoggerFactory.getLogger(AttachedTerminal.class);

    /** How long a killed container may take to be reported stopped. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(20);
    /** How long the last output may take to arrive once the container stopped. */
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(2);

    private static final int UNKNOWN_EXIT_CODE = -1;

    private final String id;
    private final TypedInput input;
    private final TerminalOpener.Screen output;
    private final DockerClient streams;
    private final DockerClient queries;
    private final EngineErrors errors;
    private final Containers containers;
    private final TaskStopper stopper;

    AttachedTerminal(
            String id,
            TypedInput input,
            TerminalOpener.Screen output,
            DockerClient streams,
            DockerClient queries,
            EngineErrors errors,
            Containers containers) {
        this.id = id;
        this.input = input;
        this.output = output;
        this.streams = streams;
        this.queries = queries;
        this.errors = errors;
        this.containers = containers;
        this.stopper = new TaskStopper(containers, id);
    }

    @Override
    public String containerId() {
        return id;
    }

    @Override
    public void type(byte[] typed) {
        input.type(typed);
    }

    @Override
    public void resize(int columns, int rows) {
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("a TTY has at least one column and one row");
        }
        errors.run("resize console container " + id, () -> {
            try {
                queries.resizeContainerCmd(id).withSize(rows, columns).exec();
            } catch (NotFoundException | ConflictException ended) {
                LOG.debug("console container {} ended before its resize: {}", id, ended.getMessage());
            }
        });
    }

    @Override
    public TaskResult awaitEnd(Duration timeout, Cancellation cancellation) {
        boolean interrupted = false;
        try (ExitCodeCallback exit = new ExitCodeCallback()) {
            streams.waitContainerCmd(id).exec(exit);
            try (Cancellation.Registration ignored = cancellation.onCancel(() -> stopper.stop(TaskOutcome.CANCELLED))) {
                if (!exit.awaitEnd(timeout)) {
                    stopper.stop(TaskOutcome.TIMED_OUT);
                    if (!exit.awaitEnd(KILL_WAIT)) {
                        throw new ContainerRuntimeException(
                                "console container " + id + " did not stop after being killed");
                    }
                }
            }
            output.awaitEndUnlessIdle(OUTPUT_DRAIN);
            int exitCode = exit.exitCode()
                    .orElseThrow(() -> exit.failure()
                            .map(failure -> errors.translate("wait for console container " + id, failure))
                            .orElseGet(() -> new ContainerRuntimeException(
                                    "the engine reported no exit code for console container " + id)));
            return new TaskResult(stopper.reason().orElse(TaskOutcome.EXITED), exitCode);
        } catch (InterruptedException e) {
            interrupted = true;
            stopper.stop(TaskOutcome.CANCELLED);
            return new TaskResult(TaskOutcome.CANCELLED, UNKNOWN_EXIT_CODE);
        } catch (IOException e) {
            throw new ContainerRuntimeException(
                    "closing the wait of console container " + id + ": " + e.getMessage(), e);
        } finally {
            input.close();
            output.abandon();
            containers.removeQuietly(id);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        input.close();
        stopper.stop(TaskOutcome.CANCELLED);
    }
}
