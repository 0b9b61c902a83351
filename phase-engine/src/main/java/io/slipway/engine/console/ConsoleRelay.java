package io.slipway.engine.console;

import io.slipway.contract.ConsoleChannels;
import io.slipway.contract.ConsoleEvent;
import io.slipway.contract.ConsoleRequest;
import io.slipway.contract.RunConsoles;
import io.slipway.contract.RunConsoles.RunConsole;
import io.slipway.contract.RunStatus;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A worker's side of remote consoles, without the broker: it turns the {@link ConsoleRequest}s of the runs this
 * worker holds into calls of its {@link RunConsoles}, and what the consoles print and how they end into {@link
 * ConsoleEvent}s. Requests of runs held elsewhere are ignored without a word. Output is gathered for {@link
 * ConsoleChannels#PRINT_DELAY} or up to {@link ConsoleChannels#MAX_PRINT_BYTES} into one print; a console whose lease
 * runs out ({@link #expire}) is detached, which kills its container and ends its run.
 */
public final class ConsoleRelay {

    private final RunConsoles consoles;
    private final Predicate<String> waits;
    private final Consumer<ConsoleEvent> out;
    private final ScheduledExecutorService timer;
    private final Executor opener;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /**
     * @param waits whether a run waits on this worker for its client
     * @param opener where consoles are attached, which blocks until their containers run
     */
    public ConsoleRelay(
            RunConsoles consoles,
            Predicate<String> waits,
            Consumer<ConsoleEvent> out,
            ScheduledExecutorService timer,
            Executor opener,
            Clock clock) {
        this.consoles = consoles;
        this.waits = waits;
        this.out = out;
        this.timer = timer;
        this.opener = opener;
        this.clock = clock;
    }

    public void handle(ConsoleRequest request) {
        if (request instanceof ConsoleRequest.Attach attach) {
            attach(attach);
            return;
        }
        Session session = sessions.get(request.runId());
        if (session == null || !session.id.equals(request.sessionId())) {
            return;
        }
        if (request instanceof ConsoleRequest.Type type) {
            session.type(type.frame(), type.input());
        } else if (request instanceof ConsoleRequest.Resize resize) {
            session.resize(resize.frame(), resize.columns(), resize.rows());
        } else if (request instanceof ConsoleRequest.Renew) {
            session.renew();
        } else if (request instanceof ConsoleRequest.Detach) {
            session.detach();
        }
    }

    private void attach(ConsoleRequest.Attach attach) {
        Session held = sessions.get(attach.runId());
        if (held != null) {
            // The same session asks again until it hears from us: it is answered once.
            if (!held.id.equals(attach.sessionId())) {
                out.accept(new ConsoleEvent.NotWaiting(attach.runId(), attach.sessionId()));
            }
            return;
        }
        if (!waits.test(attach.runId())) {
            return;
        }
        Session session = new Session(attach.runId(), attach.sessionId());
        if (sessions.putIfAbsent(attach.runId(), session) != null) {
            return;
        }
        opener.execute(() -> open(session));
    }

    private void open(Session session) {
        Optional<RunConsole> console;
        try {
            console = consoles.attach(session.runId, session);
        } catch (RuntimeException e) {
            console = Optional.empty();
        }
        if (console.isEmpty()) {
            sessions.remove(session.runId, session);
            out.accept(new ConsoleEvent.NotWaiting(session.runId, session.id));
            return;
        }
        session.opened(console.get());
    }

    /** Detaches the consoles whose lease ran out. */
    public void expire() {
        Instant now = clock.instant();
        for (Session session : sessions.values()) {
            if (session.expired(now)) {
                session.detach();
            }
        }
    }

    /** Whether a console of {@code runId} is attached or being attached here. */
    boolean holds(String runId) {
        return sessions.containsKey(runId);
    }

    /** One client's console of a run held here; its output's screen. */
    private final class Session implements RunConsoles.ConsoleScreen {

        final String runId;
        final String id;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private RunConsole console;
        private long lastFrame;
        private long printed;
        private boolean flushScheduled;
        private boolean detached;
        private boolean ended;
        private Instant leaseEnd;

        Session(String runId, String id) {
            this.runId = runId;
            this.id = id;
            this.leaseEnd = clock.instant().plus(ConsoleChannels.LEASE);
        }

        synchronized void opened(RunConsole running) {
            console = running;
            if (!ended) {
                out.accept(new ConsoleEvent.Opened(runId, id));
            }
            if (detached && !ended) {
                running.detach();
            }
        }

        synchronized void type(long frame, byte[] input) {
            if (console == null || ended || frame <= lastFrame) {
                return;
            }
            lastFrame = frame;
            console.type(input);
        }

        synchronized void resize(long frame, int columns, int rows) {
            if (console == null || ended || frame <= lastFrame) {
                return;
            }
            lastFrame = frame;
            console.resize(columns, rows);
        }

        synchronized void renew() {
            leaseEnd = clock.instant().plus(ConsoleChannels.LEASE);
        }

        synchronized boolean expired(Instant now) {
            return !detached && !ended && now.isAfter(leaseEnd);
        }

        synchronized void detach() {
            if (detached || ended) {
                return;
            }
            detached = true;
            if (console != null) {
                console.detach();
            }
        }

        @Override
        public synchronized void print(byte[] output) {
            if (ended) {
                return;
            }
            pending.writeBytes(output);
            if (pending.size() >= ConsoleChannels.MAX_PRINT_BYTES) {
                flush();
            } else if (!flushScheduled) {
                flushScheduled = true;
                timer.schedule(this::scheduledFlush, ConsoleChannels.PRINT_DELAY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private synchronized void scheduledFlush() {
            flushScheduled = false;
            flush();
        }

        /** Sends what was printed, in prints of at most {@link ConsoleChannels#MAX_PRINT_BYTES}. */
        private void flush() {
            byte[] all = pending.toByteArray();
            pending.reset();
            for (int from = 0; from < all.length; from += ConsoleChannels.MAX_PRINT_BYTES) {
                byte[] part =
                        Arrays.copyOfRange(all, from, Math.min(all.length, from + ConsoleChannels.MAX_PRINT_BYTES));
                out.accept(new ConsoleEvent.Print(runId, id, ++printed, part));
            }
        }

        @Override
        public synchronized void ended(RunStatus status, Integer exitCode) {
            if (ended) {
                return;
            }
            flush();
            ended = true;
            sessions.remove(runId, this);
            out.accept(new ConsoleEvent.Ended(runId, id, status, exitCode));
        }
    }
}
