package io.slipway.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.slipway.contract.AppLogChannels;
import io.slipway.contract.AppLogEvent;
import io.slipway.contract.AppLogRequest;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ProcessSpec;
import io.slipway.runtime.testing.TestEngine;
import io.slipway.runtime.testing.TestEngines;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Followers of one real container sharing one engine read ({@link ContainerTaps}) on each engine: the replay of the
 * lines printed before the read opened hands over to the follow without a line twice or missing, though thousands
 * of them share a second (Podman stamps whole seconds).
 */
class SharedLogReadsIT {

    private static final Duration STREAM = Duration.ofSeconds(30);
    /**
     * Printed fast, both streams: more lines in each second than a replay's last stamp could hide. In pieces of
     * 100 with a pause between, so that the pipe to the engine's logger never holds more than its buffer: conmon
     * cuts a line it reads across two buffers in two log entries (seen once on rootless Podman under a busy CI).
     */
    private static final int BURST = 3000;

    private final String app = "taps-" + UUID.randomUUID().toString().substring(0, 8);
    private ContainerRuntime runtime;
    private ContainerTaps taps;
    private String containerId;

    static Stream<TestEngine> engines() {
        return TestEngines.all().stream();
    }

    @AfterEach
    void close() {
        if (taps != null) {
            taps.close();
        }
        if (containerId != null) {
            runtime.removeContainer(containerId);
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void followersGetEveryLineOnceFromTheirTailOnAcrossTheReplaysEnd(TestEngine engine) {
        runtime = engine.connect();
        taps = new ContainerTaps(runtime, Clock.systemUTC());
        containerId = runtime.startProcess(new ProcessSpec(
                TestEngines.baseImage(),
                "slipway-" + app + "-web-1-0123abcd",
                List.of(
                        "sh",
                        "-c",
                        "i=0; while [ $i -lt " + BURST + " ]; do i=$((i+1)); echo tick $i; echo oops $i >&2;"
                                + " [ $((i % 100)) = 0 ] && sleep 0.05; done;"
                                + " while true; do i=$((i+1)); echo tick $i; echo oops $i >&2; sleep 0.02; done"),
                Map.of(),
                ContainerLabels.process(app, "d1", "web")));
        ContainerInfo web = runtime.inspectContainer(containerId).orElseThrow();

        Follower whole = new Follower(AppLogChannels.MAX_TAIL);
        whole.list(web);
        await().atMost(STREAM).until(() -> last(whole.numbers("STDOUT")) > BURST);
        assertThat(taps.engineReads()).isEqualTo(1);

        Follower live = new Follower(0);
        await().atMost(STREAM)
                .until(() -> live.list(web) && !live.numbers("STDOUT").isEmpty());
        int before = last(whole.numbers("STDOUT"));
        Follower withTail = new Follower(6);
        await().atMost(STREAM).until(() -> withTail.list(web));
        int after = last(whole.numbers("STDOUT"));
        await().atMost(STREAM).until(() -> last(live.numbers("STDOUT")) > after + 20);
        assertThat(taps.engineReads()).isEqualTo(1);

        for (Follower follower : List.of(whole, live, withTail)) {
            consecutive(follower.numbers("STDOUT"));
            consecutive(follower.numbers("STDERR"));
        }
        assertThat(whole.numbers("STDOUT").get(0)).isEqualTo(1);
        assertThat(whole.numbers("STDERR").get(0)).isEqualTo(1);
        // Without a tail: none of the lines replayed before it joined.
        assertThat(live.numbers("STDOUT").get(0)).isGreaterThan(BURST);
        // Its tail of 6 lines of both streams: about the last 3 of each when it joined, not the replay.
        assertThat(withTail.numbers("STDOUT").get(0)).isBetween(before - 6, after);
    }

    private static int last(List<Integer> numbers) {
        return numbers.isEmpty() ? 0 : numbers.get(numbers.size() - 1);
    }

    /** Each number once, none left out. */
    private static void consecutive(List<Integer> numbers) {
        assertThat(numbers).isNotEmpty();
        for (int i = 1; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).as("after %d", numbers.get(i - 1)).isEqualTo(numbers.get(i - 1) + 1);
        }
    }

    private final class Follower {

        private final List<AppLogEvent> events = Collections.synchronizedList(new ArrayList<>());
        private final AppLogRead read;

        Follower(int tail) {
            AppLogRequest.Follow request =
                    new AppLogRequest.Follow(UUID.randomUUID().toString(), app, null, tail, null, true);
            read = new AppLogRead(
                    request, runtime, taps, events::add, Clock.systemUTC().instant());
        }

        /** Shows the read the app's container, as each list does; whether it has joined the shared read. */
        boolean list(ContainerInfo web) {
            read.containers(List.of(web));
            return taps.engineReads() == 1 && !lines().isEmpty();
        }

        List<AppLogEvent.Line> lines() {
            synchronized (events) {
                return events.stream()
                        .filter(AppLogEvent.Line.class::isInstance)
                        .map(AppLogEvent.Line.class::cast)
                        .toList();
            }
        }

        List<Integer> numbers(String stream) {
            String prefix = stream.equals("STDOUT") ? "tick " : "oops ";
            return lines().stream()
                    .filter(line -> line.stream().name().equals(stream))
                    .map(AppLogEvent.Line::line)
                    .filter(line -> line.startsWith(prefix))
                    .map(line -> Integer.parseInt(line.substring(prefix.length())))
                    .toList();
        }
    }
}
