package io.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How an inspect's times read: the start the app view shows. */
class ContainerStatesTests {

    @Test
    void anInspectsStartIsReadToTheNanosecondAndTheZeroTimeIsNone() {
        assertThat(ContainerStates.time("2026-12-06T23:00:01.123456789Z"))
                .contains(Instant.parse("2026-12-06T23:00:01.123456789Z"));
        assertThat(ContainerStates.time("2026-12-06T23:00:01.5+01:00"))
                .contains(Instant.parse("2026-12-06T22:00:01.5Z"));
        assertThat(ContainerStates.time("0001-01-01T00:00:00Z")).isEmpty();
        assertThat(ContainerStates.time(null)).isEmpty();
        assertThat(ContainerStates.time("yesterday")).isEmpty();
    }
}
