package io.slipway.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.ConsoleChannels;
import io.slipway.contract.ConsoleEvent;
import io.slipway.contract.ConsoleRequest;
import io.slipway.contract.RunConsoles;
import io.slipway.contract.RunStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker's decisions on console requests, with a console that records what it was told. */
class ConsoleRelayTests {

    private final List<ConsoleEvent> events = new CopyOnWriteArrayList<>();
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final FakeConsoles consoles = new FakeConsoles();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final MovableClock clock = new MovableClock();
    private final ConsoleRelay relay =
            new ConsoleRelay(consoles, waiting::contains, events::add, timer, Runnable::run, clock);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void aRunHeldElsewhereIsNotAnsweredAndTheHoldersAttachOpensOnceForItsSession() {
        relay.handle(new ConsoleRequest.Attach("r1", "s1"));
        assertThat(events).as("another worker of the pool holds it").isEmpty();
        assertThat(consoles.attached).isEmpty();

        waiting.add("r1");
        relay.handle(new ConsoleRequest.Attach("r1", "s1"));
        relay.handle(new ConsoleRequest.Attach("r1", "s1"));
        assertThat(consoles.attached).containsExactly("r1");
        assertThat(events).containsExactly(new ConsoleEvent.Opened("r1", "s1"));

        relay.handle(new ConsoleRequest.Attach("r1", "s2"));
        assertThat(events).last().isEqualTo(new ConsoleEvent.NotWaiting("r1", "s2"));
    }

    @Test
    void aRunThatStoppedWaitingBeforeItsAttachIsAnsweredNotWaiting() {
        waiting.add("r1");
        consoles.refuse = true;
        relay.handle(new ConsoleRequest.Attach("r1", "s1"));
        assertThat(events).containsExactly(new ConsoleEvent.NotWaiting("r1", "s1"));
    }

    @Test
    void framesAreAppliedOnceInOrderAndOnlyTheSessionsOwn() {
        open("r1", "s1");
        relay.handle(new ConsoleRequest.Type("r1", "s1", 1, bytes("ls\n")));
        relay.handle(new ConsoleRequest.Type("r1", "s1", 1, bytes("ls\n")));
        relay.handle(new ConsoleRequest.Resize("r1", "s1", 2, 120, 40));
        relay.handle(new ConsoleRequest.Type("r1", "other", 3, bytes("rm -rf /\n")));
        relay.handle(new ConsoleRequest.Type("r1", "s1", 3, bytes("exit\n")));

        assertThat(consoles.console.told).containsExactly("type ls\n", "resize 120x40", "type exit\n");
    }

    @Test
    void outputIsGatheredIntoFewPrintsCutAtTheirBoundAndTheEndComesLast() throws Exception {
        open("r1", "s1");
        consoles.screen.print(bytes("a"));
        consoles.screen.print(bytes("b"));
        Thread.sleep(ConsoleChannels.PRINT_DELAY.toMillis() * 10);
        assertThat(prints()).containsExactly("ab");

        consoles.screen.print(new byte[ConsoleChannels.MAX_PRINT_BYTES + 5]);
        consoles.screen.print(bytes("tail"));
        consoles.screen.ended(RunStatus.FAILED, 3);

        List<ConsoleEvent.Print> prints = events.stream()
                .filter(ConsoleEvent.Print.class::isInstance)
                .map(ConsoleEvent.Print.class::cast)
                .toList();
        assertThat(prints).extracting(ConsoleEvent.Print::frame).containsExactly(1L, 2L, 3L, 4L);
        assertThat(prints.get(1).output()).hasSize(ConsoleChannels.MAX_PRINT_BYTES);
        assertThat(prints.get(2).output()).hasSize(5);
        assertThat(prints.get(3).output()).isEqualTo(bytes("tail"));
        assertThat(events).last().isEqualTo(new ConsoleEvent.Ended("r1", "s1", RunStatus.FAILED, 3));
        assertThat(relay.holds("r1")).isFalse();
    }

    @Test
    void aConsoleWhoseLeaseRunsOutIsDetachedAndARenewedOneIsNot() {
        open("r1", "s1");
        clock.advance(ConsoleChannels.LEASE.minusSeconds(1));
        relay.handle(new ConsoleRequest.Renew("r1", "s1"));
        clock.advance(ConsoleChannels.LEASE.minusSeconds(1));
        relay.expire();
        assertThat(consoles.console.told).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        relay.expire();
        relay.expire();
        assertThat(consoles.console.told).containsExactly("detach");
    }

    @Test
    void aDetachKillsTheConsole() {
        open("r1", "s1");
        relay.handle(new ConsoleRequest.Detach("r1", "other"));
        assertThat(consoles.console.told).isEmpty();
        relay.handle(new ConsoleRequest.Detach("r1", "s1"));
        assertThat(consoles.console.told).containsExactly("detach");
    }

    private void open(String run, String session) {
        waiting.add(run);
        relay.handle(new ConsoleRequest.Attach(run, session));
        assertThat(events).contains(new ConsoleEvent.Opened(run, session));
    }

    private List<String> prints() {
        return events.stream()
                .filter(ConsoleEvent.Print.class::isInstance)
                .map(event -> new String(((ConsoleEvent.Print) event).output(), StandardCharsets.UTF_8))
                .toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final class FakeConsoles implements RunConsoles {
        final List<String> attached = new ArrayList<>();
        final FakeConsole console = new FakeConsole();
        volatile ConsoleScreen screen;
        volatile boolean refuse;

        @Override
        public Optional<RunConsole> attach(String runId, ConsoleScreen screen) {
            if (refuse) {
                return Optional.empty();
            }
            attached.add(runId);
            this.screen = screen;
            return Optional.of(console);
        }
    }

    private static final class FakeConsole implements RunConsoles.RunConsole {
        final List<String> told = new CopyOnWriteArrayList<>();

        @Override
        public void type(byte[] input) {
            told.add("type " + new String(input, StandardCharsets.UTF_8));
        }

        @Override
        public void resize(int columns, int rows) {
            told.add("resize " + columns + "x" + rows);
        }

        @Override
        public void detach() {
            told.add("detach");
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
