package io.slipway.gateway.console;

import io.slipway.contract.ConsoleEvent;
import io.slipway.contract.ConsoleRequest;
import io.slipway.contract.RunConsoles.ConsoleScreen;
import io.slipway.contract.RunConsoles.RunConsole;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * The consoles this gateway replica relays to remote workers, without the broker: each client's attach is a session
 * of its own; events of other sessions (other replicas' clients) are dropped. An attach is sent again every {@code
 * retry} (the worker may not have taken the run yet) until the worker that holds the run answers, or {@code
 * openTimeout} passes: then there is no console to attach to.
 */
final class RemoteConsoleSessions {

    private enum Answer {
        OPENED,
        NOT_WAITING,
        ENDED
    }

    private final BiConsumer<String, ConsoleRequest> send;
    private final Duration openTimeout;
    private final Duration retry;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** @param send sends a request to the workers of a pool (the first argument); never throws */
    RemoteConsoleSessions(BiConsumer<String, ConsoleRequest> send, Duration openTimeout, Duration retry) {
        this.send = send;
        this.openTimeout = openTimeout;
        this.retry = retry;
    }

    /**
     * Attaches {@code screen} to the console of {@code runId} on a worker of {@code pool}; blocks until the worker
     * opened it (or it ended at once), and at most the open timeout.
     *
     * @return empty when no worker holds the run waiting for a client
     */
    Optional<RunConsole> attach(String pool, String runId, ConsoleScreen screen) {
        Session session = new Session(pool, runId, UUID.randomUUID().toString(), screen);
        sessions.put(session.id, session);
        long deadline = System.nanoTime() + openTimeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                send.accept(pool, new ConsoleRequest.Attach(runId, session.id));
                try {
                    Answer answer = session.answer.get(Math.min(left, retry.toNanos()), TimeUnit.NANOSECONDS);
                    if (answer == Answer.NOT_WAITING) {
                        break;
                    }
                    return Optional.of(session);
                } catch (TimeoutException again) {
                    // No worker answered yet.
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // Never completed exceptionally.
        }
        sessions.remove(session.id, session);
        // A worker that opens it after all detaches it at once; its lease would end it anyway.
        send.accept(pool, new ConsoleRequest.Detach(runId, session.id));
        return Optional.empty();
    }

    /** An event of a worker: the session's, or dropped. */
    void dispatch(ConsoleEvent event) {
        Session session = sessions.get(event.sessionId());
        if (session == null || !session.runId.equals(event.runId())) {
            return;
        }
        if (event instanceof ConsoleEvent.Opened) {
            session.answer.complete(Answer.OPENED);
        } else if (event instanceof ConsoleEvent.NotWaiting) {
            session.answer.complete(Answer.NOT_WAITING);
        } else if (event instanceof ConsoleEvent.Print print) {
            session.print(print);
        } else if (event instanceof ConsoleEvent.Ended ended) {
            sessions.remove(session.id, session);
            session.ended = true;
            session.answer.complete(Answer.ENDED);
            session.screen.ended(ended.status(), ended.exitCode());
        }
    }

    /** Tells the workers that every console of this replica still has its client. */
    void renewAll() {
        for (Session session : sessions.values()) {
            send.accept(session.pool, new ConsoleRequest.Renew(session.runId, session.id));
        }
    }

    int size() {
        return sessions.size();
    }

    /** One client's console on a worker. */
    private final class Session implements RunConsole {

        final String pool;
        final String runId;
        final String id;
        final ConsoleScreen screen;
        final CompletableFuture<Answer> answer = new CompletableFuture<>();
        private long sent;
        private long printed;
        volatile boolean ended;

        Session(String pool, String runId, String id, ConsoleScreen screen) {
            this.pool = pool;
            this.runId = runId;
            this.id = id;
            this.screen = screen;
        }

        /** Each print once, in order: the broker may deliver one again. */
        private void print(ConsoleEvent.Print print) {
            if (print.frame() <= printed) {
                return;
            }
            printed = print.frame();
            screen.print(print.output());
        }

        @Override
        public synchronized void type(byte[] input) {
            if (!ended) {
                send.accept(pool, new ConsoleRequest.Type(runId, id, ++sent, input));
            }
        }

        @Override
        public synchronized void resize(int columns, int rows) {
            if (!ended) {
                send.accept(pool, new ConsoleRequest.Resize(runId, id, ++sent, columns, rows));
            }
        }

        @Override
        public void detach() {
            if (sessions.remove(id, this) && !ended) {
                send.accept(pool, new ConsoleRequest.Detach(runId, id));
            }
        }
    }
}
