package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppLanesTests {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Thread testThread = Thread.currentThread();
    private final AppLanes lanes = new AppLanes(executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void oneAppsDeploymentsRunOneAtATimeInRequestOrder() {
        submit("a1", "shop");
        submit("a2", "shop");
        submit("a3", "shop");

        await().until(() -> log.contains("start a1"));
        release("a1");
        await().until(() -> log.contains("start a2"));
        release("a2");
        release("a3");
        await().until(() -> log.contains("end a3"));

        assertThat(log).containsExactly("start a1", "end a1", "start a2", "end a2", "start a3", "end a3");
    }

    @Test
    void differentAppsRunSideBySide() {
        submit("a1", "shop");
        submit("b1", "blog");

        await().until(() -> log.containsAll(List.of("start a1", "start b1")));
        assertThat(lanes.activeLanes()).isEqualTo(2);
        release("a1");
        release("b1");
    }

    @Test
    void aRedeliveredDeploymentIsAcceptedOnce() {
        assertThat(submit("a1", "shop")).isTrue();
        assertThat(submit("a1", "shop")).isFalse();
        release("a1");
        await().until(() -> log.contains("end a1"));
        assertThat(log).containsExactly("start a1", "end a1");
    }

    @Test
    void cancelReachesTheRunningDeploymentAndRemovesAQueuedOne() {
        submit("a1", "shop");
        submit("a2", "shop");
        await().until(() -> log.contains("start a1"));

        assertThat(lanes.cancel("a2")).isTrue();
        assertThat(lanes.cancel("a1")).isTrue();
        await().until(() -> log.contains("cancelled a1"));

        assertThat(log).containsExactly("start a1", "a2 ran cancelled on the canceller's thread", "cancelled a1");
        assertThat(lanes.cancel("unknown")).isFalse();
    }

    @Test
    void workInALaneWaitsForTheDeploymentsBeforeIt() {
        submit("a1", "shop");
        lanes.runInLane("shop", () -> log.add("maintenance"));
        await().during(Duration.ofMillis(200)).until(() -> !log.contains("maintenance"));

        release("a1");
        await().until(() -> log.contains("maintenance"));
        assertThat(log).containsExactly("start a1", "end a1", "maintenance");
    }

    private void release(String deploymentId) {
        gates.computeIfAbsent(deploymentId, id -> new CountDownLatch(1)).countDown();
    }

    private boolean submit(String id, String app) {
        return lanes.submit(app, id, cancellation -> {
            if (cancellation.isCancelled()) {
                String thread = Thread.currentThread() == testThread ? "the canceller's thread" : "a lane";
                log.add(id + " ran cancelled on " + thread);
                return;
            }
            log.add("start " + id);
            CountDownLatch gate = gates.computeIfAbsent(id, key -> new CountDownLatch(1));
            cancellation.onCancel(gate::countDown);
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.add((cancellation.isCancelled() ? "cancelled " : "end ") + id);
        });
    }
}
