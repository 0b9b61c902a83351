package io.slipway.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.slipway.runtime.LogFollow;
import io.slipway.runtime.LogListener;
import io.slipway.runtime.LogQuery;
import io.slipway.runtime.OutputChannel;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a process container's log with the engine's timestamps ({@code timestamps=true}), which both engines put
 * before each line as RFC 3339: Docker's with nanoseconds, Podman 4.3's in whole seconds (its own API's too), so that
 * on Podman what follows is as precise as a second.
 *
 * <p>The timestamps carry the guarantees the engines' streams lack: the API's {@code since} is whole seconds, so
 * lines of the same second before the bound are dropped here; and Podman's follow has been seen to repeat
 * stretches of a fast writer's output, so a line stamped before the last one delivered on its stream is dropped.
 */
final class LogReader {

    private final DockerClient logs;
    private final EngineErrors errors;

    /** @param logs a client without a request deadline: a followed log stays open as long as its container runs */
    LogReader(DockerClient logs, EngineErrors errors) {
        this.logs = logs;
        this.errors = errors;
    }

    LogFollow read(String containerId, LogQuery query, LogListener listener) {
        LogContainerCmd cmd = logs.logContainerCmd(containerId)
                .withStdOut(true)
                .withStdErr(true)
                .withTimestamps(true)
                .withFollowStream(query.follow());
        if (query.tail() == LogQuery.ALL) {
            cmd.withTailAll();
        } else {
            cmd.withTail(query.tail());
        }
        query.since().ifPresent(since -> cmd.withSince((int) since.getEpochSecond()));
        Read read = new Read(containerId, query.since().orElse(Instant.MIN), listener);
        try {
            cmd.exec(read);
        } catch (RuntimeException e) {
            read.onError(e);
        }
        return read::stop;
    }

    /** One read: splits each stream into lines, stamps and filters them, and reports its end once. */
    private final class Read extends StreamCallback<Frame> {

        private final String containerId;
        private final Instant since;
        private final LogListener listener;
        private final Map<OutputChannel, LineSplitter> splitters = new EnumMap<>(OutputChannel.class);
        private final Map<OutputChannel, Instant> lastAt = new EnumMap<>(OutputChannel.class);
        private final AtomicBoolean ended = new AtomicBoolean();

        Read(String containerId, Instant since, LogListener listener) {
            this.containerId = containerId;
            this.since = since;
            this.listener = listener;
            for (OutputChannel stream : OutputChannel.values()) {
                splitters.put(stream, new LineSplitter(line -> line(stream, line)));
                lastAt.put(stream, Instant.MIN);
            }
        }

        @Override
        public void onNext(Frame frame) {
            OutputChannel stream =
                    frame.getStreamType() == StreamType.STDERR ? OutputChannel.STDERR : OutputChannel.STDOUT;
            splitters.get(stream).accept(frame.getPayload());
        }

        @Override
        public void onComplete() {
            super.onComplete();
            splitters.values().forEach(LineSplitter::flush);
            end(null);
        }

        @Override
        public void onError(Throwable failure) {
            super.onError(failure);
            // A container removed under the read, or before it, printed all it will: that is an end, not a failure.
            end(failure instanceof NotFoundException ? null : failure().orElse(null));
        }

        /** Ends the read without telling the listener, which asked for it. */
        void stop() {
            ended.set(true);
            abandon();
        }

        private void end(Throwable failure) {
            if (ended.compareAndSet(false, true)) {
                listener.onEnd(Optional.ofNullable(failure)
                        .map(cause -> errors.translate("read the log of container " + containerId, cause)));
            }
        }

        /** A piece of a line longer than the splitter's bound has no stamp: it is as old as the line's start. */
        private void line(OutputChannel stream, String stamped) {
            int space = stamped.indexOf(' ');
            Optional<Instant> stamp = space > 0 ? parse(stamped.substring(0, space)) : Optional.empty();
            Instant previous = lastAt.get(stream);
            Instant at = stamp.orElseGet(() -> previous.equals(Instant.MIN) ? Instant.now() : previous);
            String line = stamp.isPresent() ? stamped.substring(space + 1) : stamped;
            if (at.isBefore(since) || at.isBefore(previous) || ended.get()) {
                return;
            }
            lastAt.put(stream, at);
            listener.onLine(stream, at, line);
        }
    }

    private static Optional<Instant> parse(String stamp) {
        try {
            return Optional.of(OffsetDateTime.parse(stamp).toInstant());
        } catch (DateTimeParseException notAStamp) {
            return Optional.empty();
        }
    }
}
