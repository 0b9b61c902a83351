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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The decisions of followed app log reads sharing the engine's log reads ({@link ContainerTaps}), on an engine that
 * only records the reads asked of it and plays the lines it is told to. The real-engine tests ({@code AppLogsTests},
 * {@code WorkerLogReadsTests}) are the proof that they work against Docker and Podman.
 */
class SharedLogReadsTests {

    private static final String APP = "shop";
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final MovableClock clock = new MovableClock(T0);
    private final List<EngineRead> engineReads = new ArrayList<>();
    private final ContainerRuntime runtime = (ContainerRuntime) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ContainerRuntime.class}, (proxy, method, args) -> {
                if (!method.getName().equals("readLog")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                EngineRead read = new EngineRead((String) args[0], (LogQuery) args[1], (LogListener) args[2]);
                engineReads.add(read);
                return (io.slipway.runtime.LogFollow) () -> read.closed = true;
            });
    private final ContainerTaps taps = new ContainerTaps(runtime, clock);
    private final ContainerInfo web1 = container("c1", "d1", 1);

    @Test
    void twoFollowersOfOneAppMakeOneEngineReadAndEachGetsEveryLineOnce() {
        Follower first = follower(0, null);
        Follower second = follower(0, null);

        taps.batch(() -> {
            first.read.containers(List.of(web1));
            second.read.containers(List.of(web1));
        });

        assertThat(engineReads).hasSize(1);
        assertThat(engineReads.get(0).query).isEqualTo(new LogQuery(0, Optional.empty(), true));
        assertThat(taps.engineReads()).isEqualTo(1);
        engineReads.get(0).print(T0.plusMillis(1), "tick 1");
        engineReads.get(0).print(T0.plusMillis(2), "tick 2");
        assertThat(first.lines()).containsExactly("tick 1", "tick 2");
        assertThat(second.lines()).containsExactly("tick 1", "tick 2");
        assertThat(first.requestIds()).containsOnly(first.request.requestId());
        assertThat(second.requestIds()).containsOnly(second.request.requestId());
    }

    @Test
    void aFollowerWithoutTailJoiningLaterSharesTheReadFromNowOn() {
        Follower first = follower(0, null);
        taps.batch(() -> first.read.containers(List.of(web1)));
        engineReads.get(0).print(T0.plusMillis(1), "tick 1");

        Follower later = follower(0, null);
        taps.batch(() -> later.read.containers(List.of(web1)));
        engineReads.get(0).print(T0.plusMillis(2), "tick 2");

        assertThat(engineReads).hasSize(1);
        assertThat(first.lines()).containsExactly("tick 1", "tick 2");
        assertThat(later.lines()).containsExactly("tick 2");
    }

    @Test
    void followersSeeingANewContainerInOneRefreshShareItsOpeningWithItsFirstLines() {
        Follower first = follower(0, null);
        Follower second = follower(0, null);
        taps.batch(() -> {
            first.read.containers(List.of());
            second.read.containers(List.of());
        });

        ContainerInfo web1OfD2 = container("c2", "d2", 1);
        taps.batch(() -> {
            first.read.containers(List.of(web1OfD2));
            second.read.containers(List.of(web1OfD2));
        });

        assertThat(engineReads).hasSize(1);
        assertThat(engineReads.get(0).query).isEqualTo(new LogQuery(AppLogChannels.MAX_TAIL, Optional.empty(), true));
        engineReads.get(0).print(T0.minusMillis(5), "booting");
        assertThat(first.events).first().isEqualTo(new AppLogEvent.Release(first.request.requestId(), "d2"));
        assertThat(first.lines()).containsExactly("booting");
        assertThat(second.lines()).containsExactly("booting");
    }

    @Test
    void aFollowerWithATailReadsItsOwnHistoryThenTheSharedLinesFromWhereItEndsWithNoLineTwice() {
        Follower first = follower(0, null);
        taps.batch(() -> first.read.containers(List.of(web1)));
        EngineRead shared = engineReads.get(0);
        clock.move(ContainerTaps.SETTLED);

        Follower later = follower(3, null);
        taps.batch(() -> later.read.containers(List.of(web1)));
        assertThat(engineReads).hasSize(2);
        EngineRead history = engineReads.get(1);
        assertThat(history.query).isEqualTo(new LogQuery(3, Optional.empty(), false));

        // Printed while the history is read: the shared read has it, and so may the history.
        shared.print(T0.plusSeconds(2), "tick 3");
        shared.print(T0.plusSeconds(3), "tick 4");
        history.print(T0.plusSeconds(1), "tick 2");
        history.print(T0.plusSeconds(2), "tick 3");
        assertThat(later.lines()).containsExactly("tick 2", "tick 3");
        history.end();
        shared.print(T0.plusSeconds(4), "tick 5");

        assertThat(later.lines()).containsExactly("tick 2", "tick 3", "tick 4", "tick 5");
        assertThat(first.lines()).containsExactly("tick 3", "tick 4", "tick 5");
        assertThat(engineReads).hasSize(2);
    }

    @Test
    void lineStampsOfWholeSecondsLeaveOutOnlyTheTextsTheHistorySentAtItsLastSecond() {
        Follower first = follower(0, null);
        taps.batch(() -> first.read.containers(List.of(web1)));
        EngineRead shared = engineReads.get(0);
        clock.move(ContainerTaps.SETTLED);
        Follower later = follower(10, null);
        taps.batch(() -> later.read.containers(List.of(web1)));
        EngineRead history = engineReads.get(1);

        Instant second = T0.plusSeconds(5);
        shared.print(second, "b");
        shared.print(second, "c");
        history.print(second, "a");
        history.print(second, "b");
        history.end();

        assertThat(later.lines()).containsExactly("a", "b", "c");
    }

    @Test
    void aFollowerWhoseHistoryIsReadMoreSlowlyThanTheContainerPrintsFailsAloneRatherThanHoldMoreLines() {
        Follower first = follower(0, null);
        taps.batch(() -> first.read.containers(List.of(web1)));
        EngineRead shared = engineReads.get(0);
        clock.move(ContainerTaps.SETTLED);
        Follower later = follower(10, null);
        taps.batch(() -> later.read.containers(List.of(web1)));

        String kib = "x".repeat(512);
        for (int i = 0; i <= Handover.MAX_WAITING_BYTES / 1024; i++) {
            shared.print(T0.plusSeconds(2).plusMillis(i), kib);
        }

        assertThat(later.read.ended()).isTrue();
        assertThat(((AppLogEvent.Ended) later.events.get(later.events.size() - 1)).error())
                .contains("while its earlier lines were read");
        assertThat(engineReads.get(1).closed).isTrue();
        assertThat(first.read.ended()).isFalse();
        assertThat(first.lines()).hasSize((int) (Handover.MAX_WAITING_BYTES / 1024) + 1);
        assertThat(shared.closed).isFalse();
    }

    @Test
    void aFollowerWithATailWaitsWhileTheSharedReadMayStillReplayOlderLines() {
        Follower first = follower(100, null);
        taps.batch(() -> first.read.containers(List.of(web1)));
        engineReads.get(0).print(T0.minusSeconds(30), "old");

        Follower later = follower(5, null);
        taps.batch(() -> later.read.containers(List.of(web1)));
        assertThat(engineReads).hasSize(1);
        assertThat(later.lines()).isEmpty();

        clock.move(ContainerTaps.SETTLED);
        taps.batch(() -> later.read.containers(List.of(web1)));
        assertThat(engineReads).hasSize(2);
        assertThat(engineReads.get(1).query).isEqualTo(new LogQuery(5, Optional.empty(), false));
    }

    @Test
    void aFollowerWithoutTailWhileTheSharedReadMayStillReplayGetsASecondReadWithoutReplayAtOnce() {
        Follower first = follower(100, null);
        taps.batch(() -> first.read.containers(List.of(web1)));
        engineReads.get(0).print(T0.minusSeconds(30), "old");

        Follower live = follower(0, null);
        Follower alsoLive = follower(0, null);
        taps.batch(() -> {
            live.read.containers(List.of(web1));
            alsoLive.read.containers(List.of(web1));
        });
        engineReads.get(0).print(T0.minusSeconds(29), "older still replayed");
        engineReads.get(0).print(T0.plusMillis(10), "tick 1");
        engineReads.get(1).print(T0.plusMillis(10), "tick 1");

        assertThat(engineReads).hasSize(2);
        assertThat(engineReads.get(1).query).isEqualTo(new LogQuery(0, Optional.empty(), true));
        assertThat(live.lines()).containsExactly("tick 1");
        assertThat(alsoLive.lines()).containsExactly("tick 1");
        assertThat(first.lines()).containsExactly("old", "older still replayed", "tick 1");
    }

    @Test
    void theEngineReadClosesWithItsLastFollowerOnly() {
        Follower first = follower(0, null);
        Follower second = follower(0, null);
        taps.batch(() -> {
            first.read.containers(List.of(web1));
            second.read.containers(List.of(web1));
        });

        first.read.stop();
        assertThat(engineReads.get(0).closed).isFalse();
        engineReads.get(0).print(T0.plusMillis(1), "tick 1");
        assertThat(first.lines()).isEmpty();
        assertThat(second.lines()).containsExactly("tick 1");

        second.read.stop();
        assertThat(engineReads.get(0).closed).isTrue();
        assertThat(taps.engineReads()).isZero();
    }

    @Test
    void aRestartedContainerIsReadAgainOnceForAllItsFollowersFromJustAfterTheirLastLine() {
        Follower first = follower(0, null);
        Follower second = follower(0, null);
        taps.batch(() -> {
            first.read.containers(List.of(web1));
            second.read.containers(List.of(web1));
        });
        Instant last = T0.plusMillis(7);
        engineReads.get(0).print(last, "tick 1");
        engineReads.get(0).end();
        assertThat(taps.engineReads()).isZero();

        taps.batch(() -> {
            first.read.containers(List.of(web1));
            second.read.containers(List.of(web1));
        });

        assertThat(engineReads).hasSize(2);
        assertThat(engineReads.get(1).query)
                .isEqualTo(new LogQuery(LogQuery.ALL, Optional.of(last.plusNanos(1)), true));
        engineReads.get(1).print(T0.plusSeconds(2), "tick 2");
        assertThat(first.lines()).containsExactly("tick 1", "tick 2");
        assertThat(second.lines()).containsExactly("tick 1", "tick 2");
    }

    @Test
    void anEngineFailureEndsEveryFollowerOfTheContainer() {
        Follower first = follower(0, null);
        Follower second = follower(0, null);
        taps.batch(() -> {
            first.read.containers(List.of(web1));
            second.read.containers(List.of(web1));
        });

        engineReads.get(0).listener.onEnd(Optional.of(new ContainerRuntimeException("engine gone")));

        assertThat(first.read.ended()).isTrue();
        assertThat(second.read.ended()).isTrue();
        assertThat(second.events).last().isInstanceOf(AppLogEvent.Ended.class);
        assertThat(((AppLogEvent.Ended) second.events.get(second.events.size() - 1)).error())
                .contains("engine gone");
    }

    @Test
    void aLiveFollowerWithSinceGetsNoSharedLineBeforeIt() {
        Follower first = follower(0, null);
        taps.batch(() -> first.read.containers(List.of(web1)));
        Follower bounded = follower(0, T0.plusSeconds(10));
        taps.batch(() -> bounded.read.containers(List.of(web1)));

        engineReads.get(0).print(T0.plusSeconds(9), "early");
        engineReads.get(0).print(T0.plusSeconds(10), "on time");

        assertThat(bounded.lines()).containsExactly("on time");
        assertThat(first.lines()).containsExactly("early", "on time");
    }

    @Test
    void readsWithoutFollowShareNothing() {
        Follower first = new Follower(0, null, false);
        Follower second = new Follower(0, null, false);
        taps.batch(() -> {
            first.read.containers(List.of(web1));
            second.read.containers(List.of(web1));
        });

        assertThat(engineReads).hasSize(2);
        assertThat(taps.engineReads()).isZero();
    }

    private Follower follower(int tail, Instant since) {
        return new Follower(tail, since, true);
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
        final List<AppLogEvent> events = new ArrayList<>();
        final AppLogRead read;

        Follower(int tail, Instant since, boolean follow) {
            request = new AppLogRequest.Follow(UUID.randomUUID().toString(), APP, null, tail, since, follow);
            read = new AppLogRead(request, runtime, taps, events::add, clock.instant());
        }

        List<String> lines() {
            return events.stream()
                    .filter(AppLogEvent.Line.class::isInstance)
                    .map(event -> ((AppLogEvent.Line) event).line())
                    .toList();
        }

        List<String> requestIds() {
            return events.stream().map(AppLogEvent::requestId).distinct().toList();
        }
    }

    private static final class EngineRead {

        final String containerId;
        final LogQuery query;
        final LogListener listener;
        boolean closed;

        EngineRead(String containerId, LogQuery query, LogListener listener) {
            this.containerId = containerId;
            this.query = query;
            this.listener = listener;
        }

        void print(Instant at, String line) {
            if (!closed) {
                listener.onLine(OutputChannel.STDOUT, at, line);
            }
        }

        void end() {
            listener.onEnd(Optional.empty());
        }
    }

    private static final class MovableClock extends Clock {

        private Instant now;

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
