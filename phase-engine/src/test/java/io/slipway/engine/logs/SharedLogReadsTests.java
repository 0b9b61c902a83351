package io.slipway.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.AppLogChannels;
import io.slipway.contract.AppLogEvent;
import io.slipway.contract.AppLogRequest;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.ContainerState;
import io.slipway.runtime.LogFollow;
import io.slipway.runtime.LogListener;
import io.slipway.runtime.LogQuery;
import io.slipway.runtime.OutputChannel;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Followed app log reads sharing the engine's log reads ({@link ContainerTaps}), on a fake engine that keeps one
 * container's log and answers reads as the engines do: a read takes the log's last {@code tail} lines at or after its
 * {@code since} when the test serves it, a read without follow then ends, a followed one goes on with every line
 * printed after. Lines are told apart by their position only: the container prints the same text at the same stamp
 * again and again, and each follower must get exactly the container's lines from its tail on, none twice, none
 * missing. The real-engine tests ({@code AppLogsTests}, {@code WorkerLogReadsTests}) are the proof that this works
 * against the engines.
 */
class SharedLogReadsTests {

    private static final String APP = "shop";
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final MovableClock clock = new MovableClock(T0);
    /** The container's log as the engine keeps it; the lock is the engine's: it sends one line at a time. */
    private final List<Printed> log = new ArrayList<>();

    private final List<EngineRead> engineReads = new CopyOnWriteArrayList<>();
    private final ContainerRuntime runtime = (ContainerRuntime) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ContainerRuntime.class}, (proxy, method, args) -> {
                if (!method.getName().equals("readLog")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                EngineRead read = new EngineRead((String) args[0], (LogQuery) args[1], (LogListener) args[2]);
                engineReads.add(read);
                return (LogFollow) () -> read.closed = true;
            });
    private final ContainerTaps taps = new ContainerTaps(runtime, clock);
    private final ContainerInfo web1 = container("c1", "d1", 1);
    /** Every line the container printed, in order. */
    private final List<String> printed = Collections.synchronizedList(new ArrayList<>());

    @Test
    void followersOfOneContainerShareOneReplayAndThenOneFollowFromItsLastStamp() {
        print(OutputChannel.STDOUT, T0, "before");
        Follower first = follower(0);
        Follower second = follower(5);
        first.read.containers(List.of(web1));
        second.read.containers(List.of(web1));

        assertThat(engineReads).hasSize(1);
        assertThat(engineReads.get(0).query).isEqualTo(new LogQuery(AppLogChannels.MAX_TAIL, Optional.empty(), false));
        serve(engineReads.get(0));
        assertThat(engineReads).hasSize(2);
        assertThat(engineReads.get(1).query).isEqualTo(new LogQuery(LogQuery.ALL, Optional.of(T0), true));
        serve(engineReads.get(1));
        follower(3).read.containers(List.of(web1));
        assertThat(engineReads).hasSize(2);
        assertThat(taps.engineReads()).isEqualTo(1);
    }

    @Test
    void theFollowDropsTheLinesOfTheReplaysLastStampItSendsAgainStreamByStream() {
        print(OutputChannel.STDOUT, T0.minusSeconds(1), "a");
        print(OutputChannel.STDOUT, T0, "b");
        print(OutputChannel.STDERR, T0, "c");
        print(OutputChannel.STDOUT, T0, "b");
        Follower whole = follower(AppLogChannels.MAX_TAIL);
        whole.read.containers(List.of(web1));
        serve(engineReads.get(0));
        // Printed after the replay's end, before the follow is served: in the same second, with the same text.
        print(OutputChannel.STDERR, T0, "c");
        print(OutputChannel.STDOUT, T0, "b");
        Follower tailOfTwo = follower(2);
        tailOfTwo.read.containers(List.of(web1));
        serve(engineReads.get(1));
        emit(OutputChannel.STDOUT, T0.plusSeconds(1), "d");

        assertThat(whole.lines()).containsExactly("a", "b", "c", "b", "c", "b", "d");
        assertThat(tailOfTwo.lines()).containsExactly("c", "b", "c", "b", "d");
    }

    @Test
    void eachFollowerGetsTheContainersLinesFromItsTailOnOnceEvenWhenTheyRepeatTextAndStamp() {
        // Printed before the first follower came, all in one second as Podman stamps.
        for (int i = 0; i < 30; i++) {
            print(OutputChannel.STDOUT, T0, "same");
        }
        Follower opener = follower(4);
        opener.read.containers(List.of(web1));
        // The replay has not ended: the opener with a tail waits rather than take the replay's first lines.
        assertThat(opener.lines()).isEmpty();
        serve(engineReads.get(0));
        // In that second still, after the replay's end: the follow sends them with the 30 it drops.
        for (int i = 0; i < 3; i++) {
            print(OutputChannel.STDOUT, T0, "same");
        }
        opener.read.containers(List.of(web1));
        serve(engineReads.get(1));
        List<Follower> followers = new ArrayList<>(List.of(opener));
        List<Integer> starts = new ArrayList<>(List.of(30 - 4));

        int[] tails = {0, 1, 3, 7, 30, 100, AppLogChannels.MAX_TAIL};
        for (int round = 0; round < 40; round++) {
            // The same text at the same second around every join.
            Instant second = T0.plusSeconds(round);
            emit(OutputChannel.STDOUT, second, "same");
            emit(OutputChannel.STDOUT, second, "same");
            int tail = tails[round % tails.length];
            Follower joining = follower(tail);
            joining.read.containers(List.of(web1));
            followers.add(joining);
            starts.add(Math.max(0, printed.size() - tail));
            emit(OutputChannel.STDOUT, second, "same");
            emit(OutputChannel.STDOUT, second, "tick " + round);
        }

        assertThat(engineReads).hasSize(2);
        for (int i = 0; i < followers.size(); i++) {
            assertThat(followers.get(i).lines())
                    .as("follower %d", i)
                    .containsExactlyElementsOf(printed.subList(starts.get(i), printed.size()));
        }
    }

    @Test
    void followersJoiningWhileTheContainerPrintsGetEveryLineAfterTheirTailOnce() throws Exception {
        Follower opener = follower(AppLogChannels.MAX_TAIL);
        opener.read.containers(List.of(web1));
        serveAll();
        Thread container = new Thread(() -> {
            for (int i = 0; i < 5_000; i++) {
                emit(OutputChannel.STDOUT, T0.plusSeconds(1 + i / 1000), i % 3 == 0 ? "tick " + i : "same");
            }
        });
        container.start();
        List<Follower> followers = new ArrayList<>();
        int[] tails = {0, 2, 10, 500};
        for (int i = 0; i < 100; i++) {
            Follower joining = follower(tails[i % tails.length]);
            joining.read.containers(List.of(web1));
            followers.add(joining);
            Thread.sleep(0, 200_000);
        }
        container.join();

        assertThat(opener.lines()).containsExactlyElementsOf(printed);
        for (int i = 0; i < followers.size(); i++) {
            List<String> lines = followers.get(i).lines();
            // A suffix of the container's lines: from where its tail began to the last line, each once.
            assertThat(lines)
                    .as("follower %d", i)
                    .containsExactlyElementsOf(
                            printed.subList(Math.max(0, printed.size() - lines.size()), printed.size()));
        }
    }

    @Test
    void aFollowerWithATailAndSinceGetsTheRingsLastLinesAtOrAfterItsSince() {
        Follower opener = follower(AppLogChannels.MAX_TAIL);
        opener.read.containers(List.of(web1));
        serveAll();
        for (int i = 0; i < 10; i++) {
            emit(OutputChannel.STDOUT, T0.plusSeconds(i), "tick " + i);
        }

        Follower later = new Follower(3, T0.plusSeconds(8), true);
        later.read.containers(List.of(web1));
        emit(OutputChannel.STDOUT, T0.plusSeconds(10), "tick 10");

        assertThat(later.lines()).containsExactly("tick 8", "tick 9", "tick 10");
    }

    @Test
    void theRingKeepsAtMostItsBoundInBytes() {
        Follower opener = follower(AppLogChannels.MAX_TAIL);
        opener.read.containers(List.of(web1));
        serveAll();
        String big = "x".repeat(AppLogChannels.MAX_LINE_BYTES);
        long fit = ContainerTaps.RING_BYTES / (2L * big.length());
        for (int i = 0; i < fit * 2; i++) {
            emit(OutputChannel.STDOUT, T0.plusSeconds(1), big);
        }

        Follower later = follower(AppLogChannels.MAX_TAIL - 1);
        later.read.containers(List.of(web1));

        assertThat(later.lines()).hasSize((int) fit);
    }

    @Test
    void theEngineReadClosesWithItsLastFollowerAndAnUnclaimedOneAfterItsBound() {
        Follower first = follower(AppLogChannels.MAX_TAIL);
        Follower second = follower(AppLogChannels.MAX_TAIL);
        first.read.containers(List.of(web1));
        second.read.containers(List.of(web1));

        first.read.stop();
        assertThat(engineReads.get(0).closed).isFalse();
        second.read.stop();
        assertThat(engineReads.get(0).closed).isTrue();
        assertThat(taps.engineReads()).isZero();

        Follower waiting = follower(1);
        waiting.read.containers(List.of(web1));
        assertThat(taps.engineReads()).isEqualTo(1);
        waiting.read.stop();
        taps.sweep();
        assertThat(engineReads.get(1).closed).isFalse();
        clock.move(ContainerTaps.UNCLAIMED);
        taps.sweep();
        assertThat(engineReads.get(1).closed).isTrue();
    }

    @Test
    void theContainersEndEndsEveryFollowersReadOfIt() {
        Follower first = new Follower(AppLogChannels.MAX_TAIL, null, true);
        first.read.containers(List.of(web1));
        serveAll();
        engineReads.get(1).listener.onEnd(Optional.empty());

        assertThat(taps.engineReads()).isZero();
        Follower second = follower(AppLogChannels.MAX_TAIL);
        second.read.containers(List.of(web1));
        assertThat(engineReads).hasSize(3);
    }

    @Test
    void followersWithATailWaitForTheReplaysEndHoweverLongItTakes() {
        for (int i = 0; i < 5; i++) {
            print(OutputChannel.STDOUT, T0.minusSeconds(60).plusSeconds(i), "tick " + i);
        }
        Follower opener = follower(2);
        opener.read.containers(List.of(web1));
        Follower whole = follower(AppLogChannels.MAX_TAIL);
        whole.read.containers(List.of(web1));
        for (int i = 0; i < 10; i++) {
            clock.move(Duration.ofSeconds(1));
            opener.read.containers(List.of(web1));
            taps.sweep();
        }
        assertThat(opener.lines()).isEmpty();

        serve(engineReads.get(0));
        opener.read.containers(List.of(web1));
        serve(engineReads.get(1));
        emit(OutputChannel.STDOUT, T0, "tick 5");

        assertThat(opener.lines()).containsExactly("tick 3", "tick 4", "tick 5");
        assertThat(whole.lines()).containsExactly("tick 0", "tick 1", "tick 2", "tick 3", "tick 4", "tick 5");
    }

    @Test
    void anEngineFailureInTheReplayEndsItsFollowersWithTheEnginesError() {
        Follower opener = follower(AppLogChannels.MAX_TAIL);
        opener.read.containers(List.of(web1));

        engineReads.get(0).listener.onEnd(Optional.of(new ContainerRuntimeException("the engine does not answer")));

        assertThat(opener.events)
                .filteredOn(AppLogEvent.Ended.class::isInstance)
                .singleElement()
                .satisfies(ended ->
                        assertThat(((AppLogEvent.Ended) ended).error()).contains("the engine does not answer"));
        assertThat(taps.engineReads()).isZero();
        assertThat(engineReads).hasSize(1);
    }

    @Test
    void readsWithoutFollowShareNothing() {
        Follower first = new Follower(0, null, false);
        Follower second = new Follower(0, null, false);
        first.read.containers(List.of(web1));
        second.read.containers(List.of(web1));

        assertThat(engineReads).hasSize(2);
        assertThat(taps.engineReads()).isZero();
    }

    /** Printed before the test serves a read: the engine's log has it. */
    private void print(OutputChannel stream, Instant at, String line) {
        synchronized (log) {
            log.add(new Printed(stream, at, line));
            printed.add(line);
        }
    }

    /** Printed now: the log has it, and every followed read the engine serves sends it. */
    private void emit(OutputChannel stream, Instant at, String line) {
        synchronized (log) {
            print(stream, at, line);
            for (EngineRead read : engineReads) {
                if (read.served && read.query.follow()) {
                    read.send(new Printed(stream, at, line));
                }
            }
        }
    }

    /** The engine answers {@code read}: the lines its query selects now, then its end unless it follows. */
    private void serve(EngineRead read) {
        synchronized (log) {
            List<Printed> selected = log;
            if (read.query.tail() != LogQuery.ALL) {
                selected = selected.subList(Math.max(0, selected.size() - read.query.tail()), selected.size());
            }
            for (Printed line : List.copyOf(selected)) {
                if (read.query.since().isEmpty()
                        || !line.at().isBefore(read.query.since().get())) {
                    read.send(line);
                }
            }
            read.served = true;
            if (!read.query.follow() && !read.closed) {
                read.listener.onEnd(Optional.empty());
            }
        }
    }

    /** Serves the tap's replay, and then its follow. */
    private void serveAll() {
        serve(engineReads.get(0));
        serve(engineReads.get(1));
    }

    private Follower follower(int tail) {
        return new Follower(tail, null, true);
    }

    private static ContainerInfo container(String id, String deploymentId, int number) {
        return new ContainerInfo(
                id,
                "slipway-" + APP + "-web-" + number + "-" + "0123abcd",
                "image",
                ContainerState.RUNNING,
                0,
                ContainerLabels.process(APP, deploymentId, "web"));
    }

    private final class Follower {

        final AppLogRequest.Follow request;
        final List<AppLogEvent> events = Collections.synchronizedList(new ArrayList<>());
        final AppLogRead read;

        Follower(int tail, Instant since, boolean follow) {
            request = new AppLogRequest.Follow(UUID.randomUUID().toString(), APP, null, tail, since, follow);
            read = new AppLogRead(request, runtime, taps, events::add, clock.instant());
        }

        List<String> lines() {
            synchronized (events) {
                return events.stream()
                        .filter(AppLogEvent.Line.class::isInstance)
                        .map(event -> ((AppLogEvent.Line) event).line())
                        .toList();
            }
        }
    }

    private record Printed(OutputChannel stream, Instant at, String line) {}

    private static final class EngineRead {

        final String containerId;
        final LogQuery query;
        final LogListener listener;
        volatile boolean closed;
        volatile boolean served;

        EngineRead(String containerId, LogQuery query, LogListener listener) {
            this.containerId = containerId;
            this.query = query;
            this.listener = listener;
        }

        void send(Printed line) {
            if (!closed) {
                listener.onLine(line.stream(), line.at(), line.line());
            }
        }
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
