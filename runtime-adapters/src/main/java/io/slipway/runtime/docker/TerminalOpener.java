package io.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Frame;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.ImageNotFoundException;
import io.slipway.runtime.TaskSpec;
import io.slipway.runtime.Terminal;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Opens a {@link Terminal}: creates a task container with a TTY and an open stdin, attaches to its stdin and its
 * output before the start (so that the first bytes are seen), and starts it. A container that cannot be attached or
 * started is removed again.
 */
final class TerminalOpener {

    /** How long the engine may take to answer the attach. */
    private static final Duration ATTACH_ANSWER = Duration.ofSeconds(10);

    private final DockerClient queries;
    private final DockerClient streams;
    private final EngineErrors errors;
    private final Images images;
    private final Containers containers;
    private final HostConfigs hostConfigs;

    /**
     * @param queries for the resizes, bounded by the engine timeout
     * @param streams for the attach and the wait, which last as long as the console
     */
    TerminalOpener(
            DockerClient queries,
            DockerClient streams,
            EngineErrors errors,
            Images images,
            Containers containers,
            HostConfigs hostConfigs) {
        this.queries = queries;
        this.streams = streams;
        this.errors = errors;
        this.images = images;
        this.containers = containers;
        this.hostConfigs = hostConfigs;
    }

    Terminal open(TaskSpec task, Consumer<byte[]> screen) {
        images.inspect(task.image()).orElseThrow(() -> new ImageNotFoundException(task.image()));
        String id = containers.create(containerFor(task), "console");
        TypedInput input = new TypedInput();
        Screen output = new Screen(screen);
        try {
            streams.attachContainerCmd(id)
                    .withStdIn(input)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withFollowStream(true)
                    .exec(output);
            if (!output.awaitAnswer(ATTACH_ANSWER) || output.failure().isPresent()) {
                throw output.failure()
                        .map(failure -> errors.translate("attach to console container " + id, failure))
                        .orElseGet(() -> new ContainerRuntimeException(
                                "the engine did not answer the attach to console container " + id));
            }
            containers.start(id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveUp(id, input, output);
            throw new ContainerRuntimeException("opening console container " + id + " was interrupted");
        } catch (RuntimeException e) {
            giveUp(id, input, output);
            throw e;
        }
        return new AttachedTerminal(id, input, output, streams, queries, errors, containers);
    }

    private void giveUp(String id, TypedInput input, Screen output) {
        input.close();
        output.abandon();
        containers.removeQuietly(id);
    }

    private CreateContainerCmd containerFor(TaskSpec task) {
        CreateContainerCmd command = streams.createContainerCmd(task.image())
                .withEnv(Containers.envList(task.env()))
                .withLabels(task.labels())
                .withHostConfig(hostConfigs.forShortLived(task.limits(), task.network()))
                .withTty(true)
                .withStdinOpen(true)
                .withAttachStdin(true)
                .withAttachStdout(true)
                .withAttachStderr(true);
        return task.cmd().isEmpty() ? command : command.withCmd(task.cmd());
    }

    /** The TTY's output, handed on as it comes; with a TTY the engine sends one raw stream. */
    static final class Screen extends StreamCallback<Frame> {

        private final Consumer<byte[]> screen;

        Screen(Consumer<byte[]> screen) {
            this.screen = screen;
        }

        @Override
        public void onNext(Frame frame) {
            progressed();
            screen.accept(frame.getPayload());
        }
    }
}
