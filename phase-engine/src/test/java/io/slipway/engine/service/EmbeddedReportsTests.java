package io.slipway.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.WorkerStatus;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.EngineInfo;
import io.slipway.runtime.EngineKind;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EmbeddedReportsTests {

    private static final int WAITING_CALLERS = 10;

    private final AtomicInteger lists = new AtomicInteger();
    private final CountDownLatch firstListStarted = new CountDownLatch(1);
    private final CountDownLatch engineAnswers = new CountDownLatch(1);
    private final List<WorkerStatus> stored = new CopyOnWriteArrayList<>();
    private final EmbeddedReports reports =
            new EmbeddedReports(engineAnsweringTheFirstListWhenTold(), stored::add, Duration.ofSeconds(5));

    @Test
    void callersThatWaitedForARunningReportShareTheNextOneInsteadOfEachListingTheEngine() throws Exception {
        Thread first = new Thread(reports::report);
        first.start();
        assertThat(firstListStarted.await(5, TimeUnit.SECONDS)).isTrue();
        List<Thread> waiting = new ArrayList<>();
        for (int i = 0; i < WAITING_CALLERS; i++) {
            Thread caller = new Thread(reports::report);
            caller.start();
            waiting.add(caller);
        }
        awaitAllBlocked(waiting);

        engineAnswers.countDown();
        first.join(5_000);
        for (Thread caller : waiting) {
            caller.join(5_000);
            assertThat(caller.isAlive()).isFalse();
        }

        // The first list began before the others called, so it answers none of them; one more answers all.
        assertThat(lists).hasValue(2);
        assertThat(stored).hasSize(2);

        reports.report();
        assertThat(lists)
                .as("a call made after every report ended lists the engine again")
                .hasValue(3);
        assertThat(stored).hasSize(3);
    }

    @Test
    void changesWhileAReportIsQueuedShareItInsteadOfEachQueueingOne() throws Exception {
        Thread starting = new Thread(reports::start);
        starting.start();
        assertThat(firstListStarted.await(5, TimeUnit.SECONDS)).isTrue();
        // Deployments ending in a row: one change each.
        for (int i = 0; i < 4_000; i++) {
            reports.onChange(new WorkerStateChanged());
        }

        engineAnswers.countDown();
        starting.join(5_000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (stored.size() < 2) {
            assertThat(System.nanoTime())
                    .as("a report after the changes within 5 s")
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
        Thread.sleep(300); // time for any further queued report to list the engine

        // The first report, one queued while it ran, and at most one more asked for after that one started.
        assertThat(lists.get()).isBetween(2, 3);
        reports.stop();
    }

    /** Until each caller waits for the report that runs, in whichever way the class makes them wait. */
    private static void awaitAllBlocked(List<Thread> callers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!callers.stream().allMatch(EmbeddedReportsTests::blocked)) {
            assertThat(System.nanoTime()).as("callers blocked within 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static boolean blocked(Thread thread) {
        return thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.BLOCKED;
    }

    /** An engine with no process containers whose first list answers only when the test says so. */
    private ContainerRuntime engineAnsweringTheFirstListWhenTold() {
        return (ContainerRuntime) Proxy.newProxyInstance(
                ContainerRuntime.class.getClassLoader(),
                new Class<?>[] {ContainerRuntime.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "listInspected" -> {
                            if (lists.incrementAndGet() == 1) {
                                firstListStarted.countDown();
                                assertThat(engineAnswers.await(5, TimeUnit.SECONDS))
                                        .isTrue();
                            }
                            return List.of();
                        }
                        case "engine" -> {
                            return new EngineInfo(EngineKind.PODMAN, "test", false, "unix:///test");
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
