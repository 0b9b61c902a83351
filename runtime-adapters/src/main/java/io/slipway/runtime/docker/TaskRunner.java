package io.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Frame;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.OutputListener;
import io.slipway.runtime.TaskOutcome;
import io.slipway.runtime.TaskResult;
import io.slipway.runtime.TaskSpec;
import java.io.IOException;
import java.time.Duration;

/**
 * Runs a task container to its end: create, attach to its output, start, wait with the timeout, commit
 * on success when asked, and remove the container whatever happened.
 */
final class TaskRunner {

    /** How long a killed container may take to be reported stopped. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(20);
    /** How long the engine may take to answer the attach; past it the task starts, and the stored log serves. */
    private static final Duration ATTACH_ANSWER = Duration.ofSeconds(10);
    /**
     * How long the output may stay silent once the container stopped before it is given up on. Not a
     * limit on the whole read: a slow listener holds the reads back, and they go on while lines come.
     */
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(10);

    private static final int UNKNOWN_EXIT_CODE = -1;

    private final DockerClient docker;
    private final EngineErrors errors;
    private final Images images;
    private final Containers containers;
    private final HostConfigs hostConfigs;
    private final ContainerCommitter committer;

    TaskRunner(
            DockerClient docker,
            EngineErrors errors,
            Images images,
            Containers containers,
            HostConfigs hostConfigs,
            ContainerCommitter committer) {
        this.docker = docker;
        this.errors = errors;
        this.images = images;
        this.containers = containers;
        this.hostConfigs = hostConfigs;
        this.committer = committer;
    }

    TaskResult run(TaskSpec task, OutputListener output, Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            return new TaskResult(TaskOutcome.CANCELLED, UNKNOWN_EXIT_CODE);
        }
        // Create answers an absent image with ImageNotFoundException; Podman's passing "image not known" for an
        // image that other commits are writing is read again, as every image read is.
        String id = images.readAgainWhileUnknown(
                "image " + task.image(), () -> containers.create(containerFor(task), "task"));
        TaskStopper stopper = new TaskStopper(containers, id);
        boolean interrupted = false;
        try {
            return runCreated(id, task, stopper, output, cancellation);
        } catch (InterruptedException e) {
            // The waiting thread is being shut down: treat it as a cancel, and tell the caller's
            // thread once the container is gone (an interrupted thread cannot make the calls below).
            interrupted = true;
            return cancelledByInterrupt(stopper);
        } catch (RuntimeException e) {
            // An interrupt that came during an engine call (the start, say, while the attach already
            // delivers output) ends that call with an engine error and the flag set: the same cancel.
            if (!Thread.interrupted()) {
                throw e;
            }
            interrupted = true;
            return cancelledByInterrupt(stopper);
        } finally {
            containers.removeQuietly(id);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static TaskResult cancelledByInterrupt(TaskStopper stopper) {
        stopper.stop(TaskOutcome.CANCELLED);
        return new TaskResult(TaskOutcome.CANCELLED, UNKNOWN_EXIT_CODE);
    }

    private CreateContainerCmd containerFor(TaskSpec task) {
        CreateContainerCmd command = docker.createContainerCmd(task.image())
                .withEnv(Containers.envList(task.env()))
                .withLabels(task.labels())
                .withHostConfig(hostConfigs.forShortLived(task.limits(), task.network()));
        // The image's Entrypoint is left alone: it receives the command as its arguments.
        return task.cmd().isEmpty() ? command : command.withCmd(task.cmd());
    }

    private TaskResult runCreated(
            String id, TaskSpec task, TaskStopper stopper, OutputListener listener, Cancellation cancellation)
            throws InterruptedException {
        TaskOutput output = new TaskOutput(listener);
        int exitCode = runToExit(id, task, stopper, output, cancellation);
        output.finish();
        TaskOutcome outcome = stopper.reason()
                .orElseGet(() -> exitCode != 0 && containers.killedForMemory(id, exitCode, task.limits())
                        ? TaskOutcome.OUT_OF_MEMORY
                        : TaskOutcome.EXITED);
        TaskResult result = new TaskResult(outcome, exitCode);
        if (result.succeeded() && task.commitAs().isPresent()) {
            committer.commit(id, task.image(), task.commitAs().get());
        }
        return result;
    }

    /**
     * Attaches to the container's output, starts it and waits for its exit, killing it at the
     * timeout; reads the stored log only when the attach ended early.
     */
    private int runToExit(String id, TaskSpec task, TaskStopper stopper, TaskOutput output, Cancellation cancellation)
            throws InterruptedException {
        boolean attachedToTheEnd;
        int exitCode;
        try (StreamCallback<Frame> attached = output.attach();
                ExitCodeCallback exit = new ExitCodeCallback()) {
            // Attached before the start, so that it sees the first byte.
            docker.attachContainerCmd(id)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withFollowStream(true)
                    .exec(attached);
            attached.awaitAnswer(ATTACH_ANSWER);
            containers.start(id);
            docker.waitContainerCmd(id).exec(exit);
            // Registered after the start: a cancel that came earlier kills it at once.
            try (Cancellation.Registration ignored = cancellation.onCancel(() -> stopper.stop(TaskOutcome.CANCELLED))) {
                if (!exit.awaitEnd(task.timeout())) {
                    stopper.stop(TaskOutcome.TIMED_OUT);
                    if (!exit.awaitEnd(KILL_WAIT)) {
                        throw new ContainerRuntimeException(
                                "task container " + id + " did not stop after being killed");
                    }
                }
            }
            attachedToTheEnd = attached.awaitEndUnlessIdle(OUTPUT_DRAIN)
                    && attached.failure().isEmpty();
            exitCode = exitCodeOf(id, exit);
        } catch (IOException e) {
            throw new ContainerRuntimeException(
                    "closing the streams of task container " + id + ": " + e.getMessage(), e);
        }
        if (!attachedToTheEnd) {
            readStoredOutput(id, output);
        }
        return exitCode;
    }

    /** Reads the log the engine stored for the exited container: the lines the attach missed. */
    private void readStoredOutput(String id, TaskOutput output) throws InterruptedException {
        try (StreamCallback<Frame> stored = output.rest()) {
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(stored);
            stored.awaitEndUnlessIdle(OUTPUT_DRAIN);
        } catch (IOException e) {
            throw new ContainerRuntimeException("closing the log of task container " + id + ": " + e.getMessage(), e);
        }
    }

    private int exitCodeOf(String id, ExitCodeCallback exit) {
        return exit.exitCode()
                .orElseThrow(() -> exit.failure()
                        .map(failure -> errors.translate("wait for task container " + id, failure))
                        .orElseGet(() -> new ContainerRuntimeException(
                                "the engine reported no exit code for task container " + id)));
    }
}
