package io.slipway.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineStartTests {

    @Test
    void commandsWaitForTheStartUpWorkAndThenRunInTheirOrder() {
        EngineStart start = new EngineStart();
        List<String> ran = new ArrayList<>();
        start.afterStart(() -> ran.add("first"));
        start.afterStart(() -> ran.add("second"));
        assertThat(ran).isEmpty();
        assertThat(start.finished()).isFalse();

        start.finish();
        assertThat(ran).containsExactly("first", "second");
        assertThat(start.finished()).isTrue();

        start.afterStart(() -> ran.add("third"));
        start.finish();
        assertThat(ran).containsExactly("first", "second", "third");
    }
}
