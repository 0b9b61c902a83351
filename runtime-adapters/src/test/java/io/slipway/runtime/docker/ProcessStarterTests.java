package io.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.runtime.ContainerRuntimeException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Which failed starts of a process with a published port make its container again: the engine's refusal to bind the
 * loopback port it picked (as rootful Podman gave it, with its own text), and no other.
 */
class ProcessStarterTests {

    private static final String PORT_TAKEN = "engine error: cannot start container web-1: cannot listen on the TCP"
            + " port: listen tcp4 127.0.0.1:41533: bind: address already in use";

    @Test
    void aStartWhosePortWasTakenIsMadeAgain() {
        AtomicInteger made = new AtomicInteger();

        String id = ProcessStarter.makeAgainWhilePortTaken("web-1", () -> {
            if (made.incrementAndGet() < ProcessStarter.PORT_TAKEN_ATTEMPTS) {
                throw new ContainerRuntimeException(PORT_TAKEN);
            }
            return "c" + made.get();
        });

        assertThat(id).isEqualTo("c" + ProcessStarter.PORT_TAKEN_ATTEMPTS);
    }

    @Test
    void anyOtherFailureCountsAtOnce() {
        AtomicInteger made = new AtomicInteger();

        assertThatThrownBy(() ->
                        ProcessStarter.makeAgainWhilePortTaken("web-1", failing(made, "engine error: no such image")))
                .hasMessageContaining("no such image");
        assertThat(made).hasValue(1);
    }

    @Test
    void aPortTakenEveryTimeCountsAfterTheLastAttempt() {
        AtomicInteger made = new AtomicInteger();

        assertThatThrownBy(() -> ProcessStarter.makeAgainWhilePortTaken("web-1", failing(made, PORT_TAKEN)))
                .hasMessageContaining("address already in use");
        assertThat(made).hasValue(ProcessStarter.PORT_TAKEN_ATTEMPTS);
    }

    private static Supplier<String> failing(AtomicInteger made, String answer) {
        return () -> {
            made.incrementAndGet();
            throw new ContainerRuntimeException(answer);
        };
    }
}
