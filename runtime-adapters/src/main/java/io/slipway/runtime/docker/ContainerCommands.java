package io.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import io.slipway.runtime.EngineUnavailableException;
import io.slipway.runtime.ExecResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a process container's last lines, and runs commands inside a running one (a health check's). */
final class ContainerCommands {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerCommands.class);

    /** What an exec's answer keeps: a check's response needs its start, not megabytes of it. */
    static final int MAX_EXEC_OUTPUT = 4096;

    private final DockerClient queries;
    private final DockerClient streams;
    private final EngineErrors errors;
    private final Duration engineTimeout;

    /**
     * @param queries bounded by the engine timeout: a log read without follow ends by itself
     * @param streams for an exec, which runs as long as its own timeout allows
     */
    ContainerCommands(DockerClient queries, DockerClient streams, EngineErrors errors, Duration engineTimeout) {
        this.queries = queries;
        this.streams = streams;
        this.errors = errors;
        this.engineTimeout = engineTimeout;
    }

    List<String> lastLogLines(String id, int lines) {
        List<String> collected = new ArrayList<>();
        LineSplitter splitter = new LineSplitter(line -> {
            synchronized (collected) {
                collected.add(line);
            }
        });
        Collector callback = new Collector(splitter);
        errors.run("read the log of container " + id, () -> {
            try {
                queries.logContainerCmd(id)
                        .withStdOut(true)
                        .withStdErr(true)
                        .withTail(lines)
                        .exec(callback)
                        .awaitCompletion(engineTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (NotFoundException gone) {
                // An absent container printed nothing that can still be read.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        callback.abandon();
        failIfBroken(callback, "read the log of container " + id);
        splitter.flush();
        synchronized (collected) {
            return List.copyOf(collected);
        }
    }

    /** How often a probe whose output stream broke is run in all. */
    private static final int EXEC_ATTEMPTS = 3;

    /**
     * Runs a command in a running container. The commands Slipway runs this way are probes (health
     * checks), so one whose output stream broke is run again, up to {@value #EXEC_ATTEMPTS} times in all: the
     * engines' streams have been seen to end in a {@code ClosedByInterruptException} of the transport's reader
     * while the command itself ran (Docker, and rootless Podman on a busy host, twice in a row).
     */
    ExecResult exec(String id, List<String> cmd, Duration timeout) {
        for (int attempt = 1; ; attempt++) {
            try {
                return execOnce(id, cmd, timeout);
            } catch (EngineUnavailableException broken) {
                if (attempt == EXEC_ATTEMPTS) {
                    throw broken;
                }
                LOG.debug(
                        "a command in container {} lost its output stream ({}); running it again",
                        id,
                        broken.getMessage());
            }
        }
    }

    private ExecResult execOnce(String id, List<String> cmd, Duration timeout) {
        String action = "run a command in container " + id;
        String execId = errors.call(
                action,
                () -> queries.execCreateCmd(id)
                        .withCmd(cmd.toArray(String[]::new))
                        .withAttachStdout(true)
                        .withAttachStderr(true)
                        .exec()
                        .getId());
        StringBuilder output = new StringBuilder();
        Collector callback = new Collector(new LineSplitter(line -> {
            synchronized (output) {
                if (output.length() < MAX_EXEC_OUTPUT) {
                    output.append(line, 0, Math.min(line.length(), MAX_EXEC_OUTPUT - output.length()))
                            .append('\n');
                }
            }
        }));
        boolean ended;
        try {
            ended = errors.call(action, () -> {
                try {
                    return streams.execStartCmd(execId)
                            .exec(callback)
                            .awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
        } finally {
            callback.abandon();
        }
        failIfBroken(callback, action);
        callback.splitter.flush();
        String printed;
        synchronized (output) {
            printed = output.toString().strip();
        }
        if (!ended) {
            return new ExecResult(-1, printed);
        }
        Long exitCode =
                errors.call(action, () -> queries.inspectExecCmd(execId).exec().getExitCodeLong());
        return new ExecResult(exitCode == null ? -1 : exitCode.intValue(), printed);
    }

    private void failIfBroken(Collector callback, String action) {
        if (callback.failure().isPresent()) {
            throw errors.translate(action, callback.failure().get());
        }
    }

    private static final class Collector extends StreamCallback<Frame> {

        private final LineSplitter splitter;

        Collector(LineSplitter splitter) {
            this.splitter = splitter;
        }

        @Override
        public void onNext(Frame frame) {
            progressed();
            splitter.accept(frame.getPayload());
        }
    }
}
