package io.slipway.runtime.docker;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.slipway.runtime.OutputChannel;
import io.slipway.runtime.OutputListener;
import java.util.EnumMap;
import java.util.Map;

/**
 * A task's output as lines, stdout and stderr kept apart, each line delivered once and in order.
 *
 * <p>The source is an attach made before the container starts: on Docker and on rootful and rootless
 * Podman it carries every byte the process writes, in order (a slow reader holds the writer back). A
 * log follow started after the start does not: Podman's skips and repeats stretches of a fast writer's
 * output, and Docker's can end before the last lines. Only when the attach demonstrably ended early is
 * the log the engine stored read again, from its first byte ({@link #rest()}). Lines are counted per
 * stream, not bytes, so that read delivers exactly the lines past those already delivered, however the
 * engine cut either stream into frames.
 */
final class TaskOutput {

    private final OutputListener listener;
    private final Map<OutputChannel, Long> delivered = new EnumMap<>(OutputChannel.class);
    private Read current;

    TaskOutput(OutputListener listener) {
        this.listener = listener;
        for (OutputChannel stream : OutputChannel.values()) {
            delivered.put(stream, 0L);
        }
    }

    /** The first read: the attach. */
    synchronized StreamCallback<Frame> attach() {
        current = new Read();
        return current;
    }

    /**
     * A read of the stored log from its first byte, which takes over from the earlier one: what that
     * one still brings is ignored, and a line it had begun without ending comes whole from this one.
     */
    synchronized StreamCallback<Frame> rest() {
        current = new Read();
        return current;
    }

    /** Delivers a last line that had no terminator; call once the last read has ended. */
    synchronized void finish() {
        if (current != null) {
            current.lines.values().forEach(LineSplitter::flush);
        }
    }

    private synchronized void accept(Read read, OutputChannel stream, byte[] payload) {
        if (read == current) {
            read.lines.get(stream).accept(payload);
        }
    }

    /** Called under the lock, by the current read's splitters. */
    private void line(Read read, OutputChannel stream, String line) {
        read.progressed();
        long number = read.seen.merge(stream, 1L, Long::sum);
        if (number > delivered.get(stream)) {
            delivered.put(stream, number);
            listener.onLine(stream, line);
        }
    }

    private final class Read extends StreamCallback<Frame> {

        private final Map<OutputChannel, LineSplitter> lines = new EnumMap<>(OutputChannel.class);
        private final Map<OutputChannel, Long> seen = new EnumMap<>(OutputChannel.class);

        Read() {
            for (OutputChannel stream : OutputChannel.values()) {
                lines.put(stream, new LineSplitter(line -> line(this, stream, line)));
            }
        }

        @Override
        public void onNext(Frame frame) {
            OutputChannel stream =
                    frame.getStreamType() == StreamType.STDERR ? OutputChannel.STDERR : OutputChannel.STDOUT;
            progressed();
            accept(this, stream, frame.getPayload());
        }
    }
}
