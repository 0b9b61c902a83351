package io.slipway.engine.logs;

import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.LogFollow;
import io.slipway.runtime.LogListener;
import io.slipway.runtime.LogQuery;
import io.slipway.runtime.OutputChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's followed log reads, one per container, shared by every followed app log read of that container: a
 * follower costs a listener, not an engine connection and a thread.
 *
 * <p>A follower {@link #attach attaches} with the query its own read would have made. How it joins the container's
 * shared reads (its taps) decides what it receives:
 *
 * <ul>
 *   <li>a query without lines before the follow ({@code tail} 0): the lines from now on of the container's first
 *       tap, unless that one may still replay lines from before it opened ({@link Tap#settled}); then those of a
 *       second tap without replay;
 *   <li>no tap yet: one is opened with the follower's query, and the follower receives all of it;
 *   <li>a tap opened with the same query that has sent no line yet: the follower receives all of it too, as its own
 *       read would have (followers that see a new container in the same refresh share its opening this way);
 *   <li>any other query, on a settled tap: a {@link Handover}: a read without follow of the lines its query asks
 *       for, then the tap's lines from where they end;
 *   <li>else {@link #attach} answers empty and the follower tries again at the next refresh, its query unchanged.
 * </ul>
 *
 * <p>A tap closes when its last follower leaves, and ends every follower with the container's end.
 *
 * <p>Taps are opened on one thread (the reads' timer); lines, ends and departures come on any.
 */
final class ContainerTaps {

    /** From this age on a tap replays no lines from before it opened any more. */
    static final Duration SETTLED = Duration.ofSeconds(1);

    private final ContainerRuntime runtime;
    private final Clock clock;
    /** The first tap of each container followed. */
    private final Map<String, Tap> taps = new ConcurrentHashMap<>();
    /** The second one, without replay, of a container whose first one may still replay older lines. */
    private final Map<String, Tap> liveOnly = new ConcurrentHashMap<>();
    /** Taps opened within the current {@link #batch}: started at its end, so that all of it can share their start. */
    private List<Tap> starting;

    ContainerTaps(ContainerRuntime runtime, Clock clock) {
        this.runtime = runtime;
        this.clock = clock;
    }

    /** Runs {@code attaches} (the followers' {@link #attach}es of one list of containers), then starts new taps. */
    void batch(Runnable attaches) {
        starting = new ArrayList<>();
        try {
            attaches.run();
        } finally {
            List<Tap> started = starting;
            starting = null;
            started.forEach(Tap::start);
        }
    }

    /**
     * Attaches {@code listener} to the container's followed log, as a read of {@code query} would see it.
     *
     * @return what detaches it; empty when the follower has to try again later
     */
    Optional<LogFollow> attach(String containerId, LogQuery query, LogListener listener) {
        Instant now = clock.instant();
        LogListener bounded = new SinceBound(query.since(), listener);
        if (query.tail() == 0) {
            return Optional.of(live(containerId, now, bounded));
        }
        Tap tap = taps.get(containerId);
        if (tap == null || !tap.open()) {
            return Optional.of(open(containerId, query, now, taps, listener));
        }
        if (tap.query.equals(query) && tap.lines.get() == 0 && tap.add(bounded)) {
            return Optional.of(() -> tap.remove(bounded));
        }
        if (!tap.settled(now)) {
            return Optional.empty();
        }
        Handover handover = new Handover(query.since(), listener);
        if (!tap.add(handover)) {
            return Optional.empty();
        }
        LogFollow history =
                runtime.readLog(containerId, new LogQuery(query.tail(), query.since(), false), handover.history());
        return Optional.of(() -> {
            tap.remove(handover);
            history.close();
        });
    }

    /**
     * A follower without lines before the follow: the container's first tap once it replays no more, else a tap
     * without replay of its own, opened for such followers while the first one may still replay.
     */
    private LogFollow live(String containerId, Instant now, LogListener listener) {
        Tap first = taps.get(containerId);
        if (first != null && (first.query.tail() == 0 || first.settled(now)) && first.add(listener)) {
            return () -> first.remove(listener);
        }
        Tap live = liveOnly.get(containerId);
        if (live != null && live.add(listener)) {
            return () -> live.remove(listener);
        }
        LogQuery fromNow = new LogQuery(0, Optional.empty(), true);
        return first == null || !first.open()
                ? open(containerId, fromNow, now, taps, listener)
                : open(containerId, fromNow, now, liveOnly, listener);
    }

    private LogFollow open(String containerId, LogQuery query, Instant now, Map<String, Tap> in, LogListener first) {
        Tap opening = new Tap(containerId, query, now, in);
        opening.add(first);
        in.put(containerId, opening);
        if (starting != null) {
            starting.add(opening);
        } else {
            opening.start();
        }
        return () -> opening.remove(first);
    }

    /** The engine log reads open now. */
    long engineReads() {
        return java.util.stream.Stream.concat(taps.values().stream(), liveOnly.values().stream())
                .filter(Tap::open)
                .count();
    }

    /** One container's shared followed read. */
    private final class Tap implements LogListener {

        private final String containerId;
        private final LogQuery query;
        private final Instant since;
        private final Map<String, Tap> in;
        private final List<LogListener> listeners = new CopyOnWriteArrayList<>();
        private final AtomicLong lines = new AtomicLong();
        private boolean ended;
        private LogFollow read;

        Tap(String containerId, LogQuery query, Instant since, Map<String, Tap> in) {
            this.containerId = containerId;
            this.query = query;
            this.since = since;
            this.in = in;
        }

        /**
         * Whether its lines from now on are all a live follower asks for: those it replays from before it opened
         * have come (within {@link #SETTLED}), and its own {@code since} bound, if any, has passed.
         */
        boolean settled(Instant now) {
            return !now.isBefore(since.plus(SETTLED))
                    && query.since().map(bound -> !bound.isAfter(now)).orElse(true);
        }

        synchronized boolean open() {
            return !ended;
        }

        synchronized boolean add(LogListener listener) {
            if (ended) {
                return false;
            }
            listeners.add(listener);
            return true;
        }

        void remove(LogListener listener) {
            LogFollow closing = null;
            synchronized (this) {
                if (listeners.remove(listener) && listeners.isEmpty() && !ended) {
                    ended = true;
                    closing = read;
                    in.remove(containerId, this);
                }
            }
            if (closing != null) {
                closing.close();
            }
        }

        void start() {
            synchronized (this) {
                if (ended) {
                    return;
                }
            }
            LogFollow started = runtime.readLog(containerId, query, this);
            boolean close;
            synchronized (this) {
                read = started;
                close = ended;
            }
            if (close) {
                started.close();
            }
        }

        @Override
        public void onLine(OutputChannel stream, Instant at, String line) {
            lines.incrementAndGet();
            for (LogListener listener : listeners) {
                listener.onLine(stream, at, line);
            }
        }

        @Override
        public void onEnd(Optional<ContainerRuntimeException> failure) {
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
                in.remove(containerId, this);
            }
            for (LogListener listener : listeners) {
                listener.onEnd(failure);
            }
        }
    }

    /** A follower that joins live: the tap's lines at or after its {@code since}. */
    private record SinceBound(Optional<Instant> since, LogListener target) implements LogListener {

        @Override
        public void onLine(OutputChannel stream, Instant at, String line) {
            if (since.isEmpty() || !at.isBefore(since.get())) {
                target.onLine(stream, at, line);
            }
        }

        @Override
        public void onEnd(Optional<ContainerRuntimeException> failure) {
            target.onEnd(failure);
        }
    }
}
