package io.slipway.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueuedOnceTests {

    private final Queue<Runnable> executor = new ArrayDeque<>();
    private final AtomicInteger runs = new AtomicInteger();
    private final QueuedOnce report = new QueuedOnce(executor::add, runs::incrementAndGet);

    @Test
    void asksWhileARunIsQueuedAreAnsweredByThatRun() {
        for (int i = 0; i < 4_000; i++) {
            report.ask();
        }

        assertThat(executor).hasSize(1);
        executor.remove().run();
        assertThat(runs).hasValue(1);
        assertThat(executor).isEmpty();
    }

    @Test
    void anAskAfterARunStartedQueuesTheNextRunWhichSeesItsChange() {
        report.ask();
        executor.remove().run();
        report.ask();
        report.ask();

        assertThat(executor).hasSize(1);
        executor.remove().run();
        assertThat(runs).hasValue(2);
    }
}
