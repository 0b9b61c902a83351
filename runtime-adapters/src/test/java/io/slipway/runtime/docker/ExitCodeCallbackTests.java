package io.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExitCodeCallbackTests {

    @Test
    void aTimeoutBeyondALongOfMillisecondsWaitsInsteadOfOverflowing() throws InterruptedException {
        ExitCodeCallback exit = new ExitCodeCallback();
        exit.onComplete();

        assertThat(exit.awaitEnd(Duration.ofSeconds(Long.MAX_VALUE))).isTrue();
    }

    @Test
    void aShortTimeoutStillEndsTheWait() throws InterruptedException {
        assertThat(new ExitCodeCallback().awaitEnd(Duration.ofMillis(10))).isFalse();
    }
}
