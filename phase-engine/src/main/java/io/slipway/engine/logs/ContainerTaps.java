package io.slipway.engine.logs;

import io.slipway.contract.AppLogChannels;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.LogFollow;
import io.slipway.runtime.LogListener;
import io.slipway.runtime.LogQuery;
import io.slipway.runtime.OutputChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's followed log reads, one per container, shared by every followed app log read of that container (a
 * tap): a follower costs a listener, not an engine connection and a thread.
 *
 * <p>A tap reads the container from its last {@link AppLogChannels#MAX_TAIL} lines (the most a follower may start
 * with) and keeps its last lines in a ring, at most {@link #RING_LINES} and {@link #RING_BYTES}, each numbered by its
 * position in the tap's read. A follower joins under the lock that appends: it takes the ring's last lines its tail
 * asks for, up to the last position appended, and receives every line appended after that position, in order. So a
 * follower's lines are the container's lines from its tail on, each once, by construction: nothing is matched by time
 * or text.
 *
 * <p>The ring is a container's last lines once the tap's replay of the lines printed before it opened has come: a
 * follower that asks for all the ring can hold ({@code tail} {@link AppLogChannels#MAX_TAIL}) joins at any time, from
 * the first position; any other waits until the tap {@link Tap#settled settled} ({@link #attach} answers empty, and
 * the follower tries again at the next list of containers).
 *
 * <p>Lines are handed to followers on the tap's read thread, outside its lock, in the order they were appended; a
 * follower's own bounds (the gateway's, per stream) fail that follower alone. A tap closes when its last follower
 * leaves, or when none joined it within {@link #UNCLAIMED}, and ends every follower with the container's end.
 */
final class ContainerTaps {

    /** A tap that opened this long ago may have replayed the lines from before it opened. */
    static final Duration SETTLED = Duration.ofMillis(500);
    /** ... and has when no replayed line came for this long. */
    static final Duration QUIET = Duration.ofMillis(200);
    /**
     * ... or at the latest this long after it opened: an engine whose clock is behind this one's stamps its new lines
     * before the tap opened too, for a while, and the followers it serves must not wait on that forever.
     */
    static final Duration REPLAY_AT_MOST = Duration.ofSeconds(5);

    static final int RING_LINES = AppLogChannels.MAX_TAIL;
    /** Counted as the heap holds them: two bytes a character. */
    static final long RING_BYTES = 4L * 1024 * 1024;
    /** A tap nobody joined within this long (its opener went away, or waits for it) closes. */
    static final Duration UNCLAIMED = Duration.ofSeconds(5);

    /** One line of a container, at its position in the tap's read. */
    record Entry(long position, OutputChannel stream, Instant at, String line) {

        long weight() {
            return 2L * line.length();
        }
    }

    /** What a follower starts with (the ring's lines its tail asks for), and what detaches it. */
    record Joined(List<Entry> tail, LogFollow detach) {}

    private final ContainerRuntime runtime;
    private final Clock clock;
    private final Map<String, Tap> taps = new ConcurrentHashMap<>();

    ContainerTaps(ContainerRuntime runtime, Clock clock) {
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * Attaches {@code listener} to the container's shared read, as a read of {@code tail} lines and {@code since}
     * would start: the lines of {@link Joined#tail} are for the caller to hand on before any line {@code listener}
     * receives, which it receives once the caller releases the lock it holds while attaching.
     *
     * @return empty when the follower has to try again later
     */
    synchronized Optional<Joined> attach(String containerId, int tail, Optional<Instant> since, LogListener listener) {
        Instant now = clock.instant();
        Tap tap = taps.get(containerId);
        boolean opening = tap == null || !tap.open();
        if (opening) {
            tap = new Tap(containerId, now);
            taps.put(containerId, tap);
        }
        LogListener bounded = new SinceBound(since, listener);
        Optional<List<Entry>> first = tap.join(bounded, tail, since, now);
        if (opening) {
            tap.start();
        }
        Tap joined = tap;
        return first.map(lines -> new Joined(lines, () -> joined.leave(bounded)));
    }

    /** Closes the taps nobody joined within {@link #UNCLAIMED}. */
    void sweep() {
        Instant now = clock.instant();
        taps.values().forEach(tap -> tap.closeIfUnclaimed(now));
    }

    /** The engine log reads open now. */
    long engineReads() {
        return taps.values().stream().filter(Tap::open).count();
    }

    void close() {
        taps.values().forEach(Tap::close);
    }

    /** One container's shared followed read. */
    private final class Tap implements LogListener {

        private final String containerId;
        private final Instant opened;
        private final ArrayDeque<Entry> ring = new ArrayDeque<>();
        private long ringBytes;
        private long appended;
        /** When the last line stamped before the tap opened came: its replay goes on while they come. */
        private Instant lastReplayed;
        /** Replaced, never changed: a line is handed to the followers in it when it was appended. */
        private List<LogListener> followers = List.of();

        private boolean claimed;
        private boolean ended;
        private LogFollow read;

        Tap(String containerId, Instant opened) {
            this.containerId = containerId;
            this.opened = opened;
        }

        void start() {
            LogFollow started =
                    runtime.readLog(containerId, new LogQuery(AppLogChannels.MAX_TAIL, Optional.empty(), true), this);
            boolean close;
            synchronized (this) {
                read = started;
                close = ended;
            }
            if (close) {
                started.close();
            }
        }

        synchronized boolean open() {
            return !ended;
        }

        /**
         * Whether the ring holds the container's last lines: the replay of the lines printed before the tap opened
         * has come (no such line for {@link #QUIET}, and the tap opened {@link #SETTLED} ago), or the tap opened
         * {@link #REPLAY_AT_MOST} ago.
         */
        private boolean settled(Instant now) {
            return !now.isBefore(opened.plus(SETTLED))
                    && (lastReplayed == null
                            || !now.isBefore(lastReplayed.plus(QUIET))
                            || !now.isBefore(opened.plus(REPLAY_AT_MOST)));
        }

        /** The ring's last lines of a read of {@code tail} and {@code since}; empty when not yet known. */
        synchronized Optional<List<Entry>> join(LogListener follower, int tail, Optional<Instant> since, Instant now) {
            boolean whole = tail >= AppLogChannels.MAX_TAIL;
            if (ended || (!whole && !settled(now))) {
                return Optional.empty();
            }
            List<Entry> lines = new ArrayList<>();
            for (Iterator<Entry> last = ring.descendingIterator(); last.hasNext() && lines.size() < tail; ) {
                Entry entry = last.next();
                if (since.isEmpty() || !entry.at().isBefore(since.get())) {
                    lines.add(entry);
                }
            }
            Collections.reverse(lines);
            List<LogListener> more = new ArrayList<>(followers);
            more.add(follower);
            followers = List.copyOf(more);
            claimed = true;
            return Optional.of(lines);
        }

        void leave(LogListener follower) {
            synchronized (this) {
                List<LogListener> fewer = new ArrayList<>(followers);
                if (!fewer.remove(follower)) {
                    return;
                }
                followers = List.copyOf(fewer);
                if (!followers.isEmpty() || ended) {
                    return;
                }
            }
            close();
        }

        void closeIfUnclaimed(Instant now) {
            synchronized (this) {
                if (claimed || ended || now.isBefore(opened.plus(UNCLAIMED))) {
                    return;
                }
            }
            close();
        }

        void close() {
            LogFollow closing;
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
                closing = read;
                followers = List.of();
            }
            taps.remove(containerId, this);
            if (closing != null) {
                closing.close();
            }
        }

        @Override
        public void onLine(OutputChannel stream, Instant at, String line) {
            List<LogListener> to;
            String cut = LogLines.cut(line);
            synchronized (this) {
                if (ended) {
                    return;
                }
                Entry entry = new Entry(++appended, stream, at, cut);
                ring.addLast(entry);
                ringBytes += entry.weight();
                while (ring.size() > 1 && (ring.size() > RING_LINES || ringBytes > RING_BYTES)) {
                    ringBytes -= ring.removeFirst().weight();
                }
                if (at.isBefore(opened)) {
                    lastReplayed = clock.instant();
                }
                to = followers;
            }
            for (LogListener follower : to) {
                follower.onLine(stream, at, cut);
            }
        }

        @Override
        public void onEnd(Optional<ContainerRuntimeException> failure) {
            List<LogListener> to;
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
                to = followers;
                followers = List.of();
            }
            taps.remove(containerId, this);
            for (LogListener follower : to) {
                follower.onEnd(failure);
            }
        }
    }

    /** A follower's lines at or after its {@code since}. */
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
