package io.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import org.junit.jupiter.api.Test;

class StreamCallbackTests {

    private static final class Frames extends StreamCallback<String> {}

    @Test
    void aFailureOfAnOpenStreamIsKeptForTheCaller() {
        Frames frames = new Frames();
        IOException broken = new IOException("connection reset");

        frames.onError(broken);

        assertThat(frames.failure()).containsSame(broken);
    }

    @Test
    void theReadersFailureAfterTheCallerGaveUpIsNotTheEngines() {
        Frames frames = new Frames();

        frames.abandon();
        frames.onError(new ClosedByInterruptException());

        assertThat(frames.failure()).isEmpty();
    }

    @Test
    void theReadersFailureAfterTheStreamWasClosedIsNotTheEngines() throws IOException {
        Frames frames = new Frames();

        // As docker-java's own awaitCompletion does when its timeout passes.
        frames.close();
        frames.onError(new ClosedByInterruptException());

        assertThat(frames.failure()).isEmpty();
    }

    @Test
    void aFailureAfterTheEndIsIgnored() {
        Frames frames = new Frames();

        frames.onComplete();
        frames.onError(new ClosedByInterruptException());

        assertThat(frames.failure()).isEmpty();
    }
}
