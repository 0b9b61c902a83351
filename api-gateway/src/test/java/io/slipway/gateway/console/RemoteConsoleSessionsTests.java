package io.slipway.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.ConsoleEvent;
import io.slipway.contract.ConsoleRequest;
import io.slipway.contract.RunConsoles;
import io.slipway.contract.RunStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A replica's side of remote consoles, with a broker that the test answers for the workers. */
class RemoteConsoleSessionsTests {

    private final List<ConsoleRequest> sent = new CopyOnWriteArrayList<>();
    private final List<String> pools = new CopyOnWriteArrayList<>();
    private volatile Consumer<ConsoleRequest> workers = request -> {};
    private final RemoteConsoleSessions sessions = new RemoteConsoleSessions(
            (pool, request) -> {
                pools.add(pool);
                sent.add(request);
                workers.accept(request);
            },
            Duration.ofMillis(600),
            Duration.ofMillis(100));
    private final Screen screen = new Screen();

    @Test
    void anAttachNoWorkerAnswersIsSentAgainThenGivenUpAndDetached() {
        long started = System.nanoTime();
        assertThat(sessions.attach("edge", "r1", screen)).isEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(sent.stream().filter(ConsoleRequest.Attach.class::isInstance).count())
                .isGreaterThan(3);
        assertThat(sent).last().isInstanceOf(ConsoleRequest.Detach.class);
        assertThat(pools).containsOnly("edge");
        assertThat(sent)
                .extracting(ConsoleRequest::sessionId)
                .containsOnly(sent.get(0).sessionId());
        assertThat(sessions.size()).isZero();
    }

    @Test
    void aRunNotWaitingHasNoConsole() {
        workers = request -> {
            if (request instanceof ConsoleRequest.Attach attach) {
                sessions.dispatch(new ConsoleEvent.NotWaiting(attach.runId(), attach.sessionId()));
            }
        };
        assertThat(sessions.attach("edge", "r1", screen)).isEmpty();
        assertThat(sent.stream().filter(ConsoleRequest.Attach.class::isInstance).count())
                .isEqualTo(1);
    }

    @Test
    void anOpenedConsoleNumbersWhatItSendsAndPrintsItsOwnOutputOnceInOrderUntilItsEnd() {
        workers = request -> {
            if (request instanceof ConsoleRequest.Attach attach) {
                sessions.dispatch(new ConsoleEvent.Opened(attach.runId(), attach.sessionId()));
            }
        };
        RunConsoles.RunConsole console = sessions.attach("edge", "r1", screen).orElseThrow();
        String session = sent.get(0).sessionId();

        console.type(bytes("ls\n"));
        console.resize(80, 24);
        assertThat(sent.subList(1, sent.size()))
                .extracting(ConsoleRequest::frame)
                .containsExactly(1L, 2L);

        sessions.dispatch(new ConsoleEvent.Print("r1", session, 1, bytes("a")));
        sessions.dispatch(new ConsoleEvent.Print("r1", session, 1, bytes("a")));
        sessions.dispatch(new ConsoleEvent.Print("r1", "another-replicas", 2, bytes("x")));
        sessions.dispatch(new ConsoleEvent.Print("r1", session, 2, bytes("b")));
        sessions.renewAll();
        assertThat(sent).last().isEqualTo(new ConsoleRequest.Renew("r1", session));

        sessions.dispatch(new ConsoleEvent.Ended("r1", session, RunStatus.FAILED, 3));
        assertThat(screen.printed).containsExactly("a", "b");
        assertThat(screen.ended).isCompletedWithValue("FAILED 3");
        int before = sent.size();
        console.type(bytes("late"));
        console.detach();
        assertThat(sent).as("nothing is sent for a console that ended").hasSize(before);
        assertThat(sessions.size()).isZero();
    }

    @Test
    void aConsoleThatEndedBeforeItOpenedIsAttachedAndEndedAtOnce() throws Exception {
        workers = request -> {
            if (request instanceof ConsoleRequest.Attach attach) {
                sessions.dispatch(new ConsoleEvent.Ended(attach.runId(), attach.sessionId(), RunStatus.FAILED, null));
            }
        };
        assertThat(sessions.attach("edge", "r1", screen)).isPresent();
        assertThat(screen.ended.get(1, TimeUnit.SECONDS)).isEqualTo("FAILED null");
    }

    @Test
    void aClientThatGoesAwayDetachesItsConsole() {
        workers = request -> {
            if (request instanceof ConsoleRequest.Attach attach) {
                sessions.dispatch(new ConsoleEvent.Opened(attach.runId(), attach.sessionId()));
            }
        };
        Optional<RunConsoles.RunConsole> console = sessions.attach("edge", "r1", screen);
        console.orElseThrow().detach();
        assertThat(sent).last().isInstanceOf(ConsoleRequest.Detach.class);
        assertThat(sessions.size()).isZero();
    }

    @Test
    void aClientIsLetFallOneMebibyteBehindAndNoMore() {
        ConsoleOutbox outbox = new ConsoleOutbox();
        assertThat(outbox.offer((int) ConsoleOutbox.MAX_QUEUED - 1)).isTrue();
        assertThat(outbox.offer(2)).isFalse();
        assertThat(outbox.offer(1)).isTrue();
        outbox.written((int) ConsoleOutbox.MAX_QUEUED);
        assertThat(outbox.queued()).isZero();
        assertThat(outbox.offer(16 * 1024)).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final class Screen implements RunConsoles.ConsoleScreen {
        final List<String> printed = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> ended = new CompletableFuture<>();

        @Override
        public void print(byte[] output) {
            printed.add(new String(output, StandardCharsets.UTF_8));
        }

        @Override
        public void ended(RunStatus status, Integer exitCode) {
            ended.complete(status + " " + exitCode);
        }
    }
}
