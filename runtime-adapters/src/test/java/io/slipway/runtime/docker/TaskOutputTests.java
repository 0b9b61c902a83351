package io.slipway.runtime.docker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.slipway.runtime.OutputChannel;
import io.slipway.runtime.testing.RecordingOutput;
import org.junit.jupiter.api.Test;

class TaskOutputTests {

    private final RecordingOutput recorded = new RecordingOutput();
    private final TaskOutput output = new TaskOutput(recorded);

    @Test
    void keepsTheStreamsApart() {
        StreamCallback<Frame> live = output.read();
        live.onNext(frame(StreamType.STDOUT, "out-1\n"));
        live.onNext(frame(StreamType.STDERR, "err-1\n"));
        live.onNext(frame(StreamType.STDOUT, "out-2\n"));
        output.finish();

        assertThat(recorded.lines(OutputChannel.STDOUT)).containsExactly("out-1", "out-2");
        assertThat(recorded.lines(OutputChannel.STDERR)).containsExactly("err-1");
    }

    @Test
    void aLaterReadDeliversOnlyWhatTheLiveOneMissed() {
        StreamCallback<Frame> live = output.read();
        live.onNext(frame(StreamType.STDOUT, "out-1\nou"));
        live.onNext(frame(StreamType.STDERR, "err-1\n"));

        StreamCallback<Frame> stored = output.read();
        stored.onNext(frame(StreamType.STDOUT, "out-1\n"));
        stored.onNext(frame(StreamType.STDERR, "err-1\n"));
        stored.onNext(frame(StreamType.STDOUT, "out-2\n"));
        stored.onNext(frame(StreamType.STDOUT, "out-3"));
        stored.onNext(frame(StreamType.STDERR, "err-2\n"));
        output.finish();

        assertThat(recorded.lines(OutputChannel.STDOUT)).containsExactly("out-1", "out-2", "out-3");
        assertThat(recorded.lines(OutputChannel.STDERR)).containsExactly("err-1", "err-2");
    }

    @Test
    void aLaterReadOfEverythingAlreadySeenDeliversNothing() {
        output.read().onNext(frame(StreamType.STDOUT, "out-1\nout-2\n"));
        StreamCallback<Frame> stored = output.read();
        stored.onNext(frame(StreamType.STDOUT, "out-1\n"));
        stored.onNext(frame(StreamType.STDOUT, "out-2\n"));
        output.finish();

        assertThat(recorded.all()).containsExactly("out-1", "out-2");
    }

    private static Frame frame(StreamType stream, String text) {
        return new Frame(stream, text.getBytes(UTF_8));
    }
}
