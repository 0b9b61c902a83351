package io.slipway.runtime.docker;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.slipway.runtime.OutputChannel;
import io.slipway.runtime.OutputListener;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * A task's output as lines, stdout and stderr kept apart, fed by one or more reads of the container's
 * log: the live follow, then a read of what the engine stored.
 *
 * <p>Docker 20.10's log follow can end a moment before the last lines reach it (seen under load,
 * when the container exits right after printing them); once the container has exited, the stored
 * log is complete. Every read starts from the first byte, so each byte is delivered once, by whichever
 * read brings it first.
 */
final class TaskOutput {

    private final Map<OutputChannel, LineSplitter> lines = new EnumMap<>(OutputChannel.class);
    private final Map<OutputChannel, Long> delivered = new EnumMap<>(OutputChannel.class);

    TaskOutput(OutputListener listener) {
        for (OutputChannel stream : OutputChannel.values()) {
            lines.put(stream, new LineSplitter(line -> listener.onLine(stream, line)));
            delivered.put(stream, 0L);
        }
    }

    /** A new read of the log, from its first byte. */
    StreamCallback<Frame> read() {
        return new Read();
    }

    /** Delivers a last line that had no terminator; call once every read has ended. */
    synchronized void finish() {
        lines.values().forEach(LineSplitter::flush);
    }

    /** @param position where {@code payload} starts in its stream, counted by the read it came with */
    private synchronized void accept(OutputChannel stream, byte[] payload, long position) {
        long end = position + payload.length;
        long already = delivered.get(stream);
        if (end <= already) {
            return;
        }
        int skip = (int) Math.max(0, already - position);
        lines.get(stream).accept(Arrays.copyOfRange(payload, skip, payload.length));
        delivered.put(stream, end);
    }

    private final class Read extends StreamCallback<Frame> {

        private final Map<OutputChannel, Long> position =
                new EnumMap<>(Map.of(OutputChannel.STDOUT, 0L, OutputChannel.STDERR, 0L));

        @Override
        public void onNext(Frame frame) {
            OutputChannel stream =
                    frame.getStreamType() == StreamType.STDERR ? OutputChannel.STDERR : OutputChannel.STDOUT;
            long start = position.get(stream);
            position.put(stream, start + frame.getPayload().length);
            accept(stream, frame.getPayload(), start);
        }
    }
}
