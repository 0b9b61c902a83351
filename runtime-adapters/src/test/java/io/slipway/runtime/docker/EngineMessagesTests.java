package io.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineMessagesTests {

    @Test
    void readsDockersMessage() {
        assertThat(EngineMessages.of("Status 404: {\"message\":\"No such image: nope:latest\"}\n"))
                .isEqualTo("No such image: nope:latest");
    }

    @Test
    void readsPodmansMessageAndNotItsCause() {
        assertThat(
                        EngineMessages.of(
                                "Status 404: {\"cause\":\"image not known\",\"message\":\"no such image: docker.io/nope:1: image not known\",\"response\":404}"))
                .isEqualTo("no such image: docker.io/nope:1: image not known");
    }

    @Test
    void keepsTextThatIsNotJson() {
        assertThat(EngineMessages.of("Status 500: page not found\n")).isEqualTo("page not found");
        assertThat(EngineMessages.of("Could not build image: boom")).isEqualTo("Could not build image: boom");
    }

    @Test
    void keepsTheWholeTextWhenTheJsonHasNoMessage() {
        assertThat(EngineMessages.of("Status 409: {\"error\":\"busy\"}")).isEqualTo("{\"error\":\"busy\"}");
        assertThat(EngineMessages.of("Status 500: {broken")).isEqualTo("{broken");
    }

    @Test
    void saysSoWhenThereIsNoMessage() {
        assertThat(EngineMessages.of(null)).isEqualTo("the engine gave no message");
        assertThat(EngineMessages.of("  ")).isEqualTo("the engine gave no message");
    }

    @Test
    void namesTheStatusOfAnErrorWithAnEmptyBody() {
        assertThat(EngineMessages.of("Status 500: ")).isEqualTo("HTTP 500 without a message");
        assertThat(EngineMessages.of("Status 500:")).isEqualTo("HTTP 500 without a message");
    }
}
