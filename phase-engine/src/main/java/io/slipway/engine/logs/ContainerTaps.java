package io.slipway.engine.logs;

import io.slipway.contract.AppLogChannels;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.LogFollow;
import io.slipway.runtime.LogListener;
import io.slipway.runtime.OutputChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's followed log reads, one per container, shared by every followed app log read of that container (a
 * tap): a follower costs a listener, not an engine connection and a thread.
 *
 * <p>A tap keeps the container's last lines in a ring, at most {@link #RING_LINES} and {@link #RING_BYTES}, each
 * numbered by its position in the tap. A follower joins under the lock that appends: it takes the ring's last lines
 * its tail asks for, up to the last position appended, and receives every line appended after that position, in
 * order. So a follower's lines are the container's lines from its tail on, each once, by construction: nothing is
 * matched by time or text.
 *
 * <p>The ring is filled in two engine reads, so that the tap knows when it holds the container's last lines. First
 * the replay: the container's last {@link AppLogChannels#MAX_TAIL} lines (the most a follower may start with), read
 * without follow, which ends by itself where the log ended. A followed read of the engine has no such mark: its
 * replay of earlier lines runs into the new ones. Then the follow, from the replay's last stamp on: it starts again
 * with the lines of that stamp the replay already sent (Podman stamps whole seconds, so there may be many), and the
 * tap drops as many of them, per stream, as the replay had; the log only grows, so those are the same lines. A
 * follower that asks for all the ring can hold ({@code tail} {@link AppLogChannels#MAX_TAIL}) joins at any time,
 * from the first position; any other once the replay ended ({@link #attach} answers empty before, and the follower
 * tries again at the next list of containers).
 *
 * <p>Lines are handed to followers on the engine read's thread, outside the tap's lock, in the order they were
 * appended; a follower's own bounds (the gateway's, per stream) fail that follower alone. A tap closes when its last
 * follower leaves, or when none joined it within {@link #UNCLAIMED}, and ends every follower with the container's end
 * or the engine's failure.
 */
final class ContainerTaps {

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
    private final Map<String, ContainerTap> taps = new ConcurrentHashMap<>();

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
        ContainerTap tap = taps.get(containerId);
        boolean opening = tap == null || !tap.open();
        if (opening) {
            tap = new ContainerTap(containerId, now, runtime, closed -> taps.remove(containerId, closed));
            taps.put(containerId, tap);
        }
        LogListener bounded = new SinceBound(since, listener);
        Optional<List<Entry>> first = tap.join(bounded, tail, since);
        if (opening) {
            tap.start();
        }
        ContainerTap joined = tap;
        return first.map(lines -> new Joined(lines, () -> joined.leave(bounded)));
    }

    /** Closes the taps nobody joined within {@link #UNCLAIMED}. */
    void sweep() {
        Instant now = clock.instant();
        taps.values().forEach(tap -> tap.closeIfUnclaimed(now));
    }

    /** The engine log reads open now. */
    long engineReads() {
        return taps.values().stream().filter(ContainerTap::open).count();
    }

    void close() {
        taps.values().forEach(ContainerTap::close);
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
