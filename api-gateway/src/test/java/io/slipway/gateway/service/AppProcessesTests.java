package io.slipway.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.gateway.AppView.ProcessView;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerState;
import io.slipway.runtime.EngineUnavailableException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppProcessesTests {

    private static final Duration WAIT = Duration.ofMillis(200);

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final CountDownLatch resume = new CountDownLatch(1);
    private volatile Supplier<List<ContainerInfo>> engine = List::of;

    /** Asks the engine at every read, as if the maximum age were always past. */
    private final AppProcesses processes = new AppProcesses(recordingRuntime(), WAIT, Duration.ZERO);

    @AfterEach
    void resumeTheEngine() {
        resume.countDown();
        processes.stop();
    }

    @Test
    void everyAppsProcessesComeFromOneListCall() {
        engine = () -> List.of(
                process("shop", "web", "slipway-shop-web-1", ContainerState.RUNNING),
                process("blog", "web", "slipway-blog-web-1", ContainerState.RUNNING),
                process("shop", "worker", "slipway-shop-worker-1", ContainerState.EXITED));

        AppProcesses.Listing listing = processes.current();

        assertThat(calls).containsExactly("listContainers " + ContainerLabels.allProcesses());
        assertThat(listing.engineError()).isNull();
        assertThat(listing.of("shop"))
                .extracting(ProcessView::name, ProcessView::state)
                .containsExactly(
                        tuple("slipway-shop-web-1", ContainerState.RUNNING),
                        tuple("slipway-shop-worker-1", ContainerState.EXITED));
        assertThat(listing.of("blog"))
                .singleElement()
                .extracting(ProcessView::type)
                .isEqualTo("web");
        assertThat(listing.of("none")).isEmpty();
    }

    @Test
    void aHungEngineGivesTheLastListWithUnknownStatesAndWhy() {
        engine = () -> List.of(process("shop", "web", "slipway-shop-web-1", ContainerState.RUNNING));
        processes.current();
        engine = () -> {
            awaitResume();
            return List.of();
        };

        AppProcesses.Listing waited = processes.current();
        AppProcesses.Listing next = processes.current();

        assertThat(waited.engineError()).contains("did not answer");
        assertThat(waited.of("shop"))
                .singleElement()
                .extracting(ProcessView::state)
                .isEqualTo(ContainerState.UNKNOWN);
        assertThat(next.engineError()).isNotNull();
        assertThat(calls)
                .as("reads while the engine hangs share its one list call")
                .hasSize(2);
    }

    @Test
    void anEngineErrorIsSaidAndTheNextAnswerClearsIt() {
        engine = () -> {
            throw new EngineUnavailableException("cannot list containers: the engine does not answer");
        };

        assertThat(processes.current().engineError()).contains("does not answer");

        engine = () -> List.of(process("shop", "web", "slipway-shop-web-1", ContainerState.RUNNING));
        // The read after a failure answers at once and asks the engine again in the background.
        processes.current();
        AppProcesses.Listing recovered = awaitRecovery();
        assertThat(recovered.of("shop"))
                .singleElement()
                .extracting(ProcessView::state)
                .isEqualTo(ContainerState.RUNNING);
    }

    @Test
    void readsWithinTheMaximumAgeReuseOneAnswerAndADeploymentsEndMakesTheNextReadAskAgain() {
        AppProcesses cached = new AppProcesses(recordingRuntime(), WAIT, Duration.ofHours(1));
        try {
            engine = () -> List.of(process("shop", "web", "slipway-shop-web-1", ContainerState.RUNNING));
            cached.current();
            engine = () -> List.of(process("shop", "web", "slipway-shop-web-2", ContainerState.RUNNING));

            AppProcesses.Listing reused = cached.current();
            cached.changed();
            AppProcesses.Listing asked = cached.current();

            assertThat(reused.of("shop")).extracting(ProcessView::name).containsExactly("slipway-shop-web-1");
            assertThat(asked.of("shop")).extracting(ProcessView::name).containsExactly("slipway-shop-web-2");
            assertThat(calls).hasSize(2);
        } finally {
            cached.stop();
        }
    }

    @Test
    void anErrorIsNeverReusedWithinTheMaximumAge() {
        AppProcesses cached = new AppProcesses(recordingRuntime(), WAIT, Duration.ofHours(1));
        try {
            engine = () -> {
                throw new EngineUnavailableException("cannot list containers: the engine does not answer");
            };
            assertThat(cached.current().engineError()).contains("does not answer");

            engine = () -> List.of(process("shop", "web", "slipway-shop-web-1", ContainerState.RUNNING));
            cached.current();

            // The read after an error answers at once and asks again in the background.
            await().atMost(Duration.ofSeconds(5)).until(() -> cached.current().engineError() == null);
            assertThat(calls).hasSize(2);
        } finally {
            cached.stop();
        }
    }

    private AppProcesses.Listing awaitRecovery() {
        for (int attempt = 0; attempt < 50; attempt++) {
            AppProcesses.Listing listing = processes.current();
            if (listing.engineError() == null) {
                return listing;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the engine's answer never replaced its error");
    }

    private void awaitResume() {
        try {
            resume.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ContainerInfo process(String app, String type, String name, ContainerState state) {
        return new ContainerInfo(
                name + "-id",
                name,
                "slipway/" + app + ":current",
                state,
                0,
                Map.of(ContainerLabels.APP, app, ContainerLabels.PROCESS_TYPE, type, ContainerLabels.ROLE, "process"));
    }

    /** A runtime that records every call; only listing containers is expected. */
    private ContainerRuntime recordingRuntime() {
        return (ContainerRuntime) Proxy.newProxyInstance(
                ContainerRuntime.class.getClassLoader(),
                new Class<?>[] {ContainerRuntime.class},
                (proxy, method, args) -> {
                    calls.add(method.getName() + (args == null ? "" : " " + args[0]));
                    if (method.getName().equals("listContainers")) {
                        return engine.get();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
