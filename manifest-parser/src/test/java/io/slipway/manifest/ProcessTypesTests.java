package io.slipway.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The process-type rules the gateway and the engine both apply. */
class ProcessTypesTests {

    @Test
    void aNameIsNameCharactersUpToSixtyThree() {
        assertThat(ProcessTypes.isName("web")).isTrue();
        assertThat(ProcessTypes.isName("Worker_2-high")).isTrue();
        assertThat(ProcessTypes.isName("a".repeat(63))).isTrue();
        assertThat(ProcessTypes.isName("a".repeat(64))).isFalse();
        assertThat(ProcessTypes.isName("")).isFalse();
        assertThat(ProcessTypes.isName("web.1")).isFalse();
        assertThat(ProcessTypes.isName("wéb")).isFalse();
    }

    @Test
    void releaseCanOnlyBeScaledToZero() {
        assertThat(ProcessTypes.scaleProblem("release", 1))
                .hasValue("release is the release task, not a process type: it cannot be scaled");
        assertThat(ProcessTypes.scaleProblem("release", 0)).isEmpty();
        assertThat(ProcessTypes.scaleProblem("web", 3)).isEmpty();
    }
}
