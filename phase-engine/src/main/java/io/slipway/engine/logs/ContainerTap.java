package io.slipway.engine.logs;

import io.slipway.contract.AppLogChannels;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.LogFollow;
import io.slipway.runtime.LogListener;
import io.slipway.runtime.LogQuery;
import io.slipway.runtime.OutputChannel;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One container's shared followed read, made of two engine reads: the replay of its last lines, then the follow
 * from the replay's last stamp ({@link ContainerTaps} says why, and how followers join it).
 */
final class ContainerTap {

    private final String containerId;
    private final Instant opened;
    private final ContainerRuntime runtime;
    /** Tells the taps this one ended, so that the next follower of the container opens a new one. */
    private final Consumer<ContainerTap> forget;

    private final ArrayDeque<ContainerTaps.Entry> ring = new ArrayDeque<>();
    private long ringBytes;
    private long appended;
    /** Replaced, never changed: a line is handed to the followers in it when it was appended. */
    private List<LogListener> followers = List.of();

    /** The stamp of the last line appended, and how many lines of each stream carried it. */
    private Instant lastStamp;

    private final Map<OutputChannel, Integer> atLastStamp = new EnumMap<>(OutputChannel.class);
    /** Once the replay ended: the ring holds the container's last lines, and the follow is asked for. */
    private boolean replayed;

    private boolean claimed;
    private boolean ended;
    /** The engine read open now: the replay, then the follow. */
    private LogFollow read;

    ContainerTap(String containerId, Instant opened, ContainerRuntime runtime, Consumer<ContainerTap> forget) {
        this.containerId = containerId;
        this.opened = opened;
        this.runtime = runtime;
        this.forget = forget;
    }

    void start() {
        open(new LogQuery(AppLogChannels.MAX_TAIL, Optional.empty(), false), new Replay());
    }

    private void open(LogQuery query, LogListener listener) {
        LogFollow started = runtime.readLog(containerId, query, listener);
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

    /** The ring's last lines of a read of {@code tail} and {@code since}; empty when not yet known. */
    synchronized Optional<List<ContainerTaps.Entry>> join(LogListener follower, int tail, Optional<Instant> since) {
        boolean whole = tail >= AppLogChannels.MAX_TAIL;
        if (ended || (!whole && !replayed)) {
            return Optional.empty();
        }
        List<ContainerTaps.Entry> lines = new ArrayList<>();
        for (Iterator<ContainerTaps.Entry> last = ring.descendingIterator(); last.hasNext() && lines.size() < tail; ) {
            ContainerTaps.Entry entry = last.next();
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
            if (claimed || ended || now.isBefore(opened.plus(ContainerTaps.UNCLAIMED))) {
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
        forget.accept(this);
        if (closing != null) {
            closing.close();
        }
    }

    private void append(OutputChannel stream, Instant at, String line) {
        List<LogListener> to;
        String cut = LogLines.cut(line);
        synchronized (this) {
            if (ended) {
                return;
            }
            ContainerTaps.Entry entry = new ContainerTaps.Entry(++appended, stream, at, cut);
            ring.addLast(entry);
            ringBytes += entry.weight();
            while (ring.size() > 1
                    && (ring.size() > ContainerTaps.RING_LINES || ringBytes > ContainerTaps.RING_BYTES)) {
                ringBytes -= ring.removeFirst().weight();
            }
            if (!at.equals(lastStamp)) {
                lastStamp = at;
                atLastStamp.clear();
            }
            atLastStamp.merge(stream, 1, Integer::sum);
            to = followers;
        }
        for (LogListener follower : to) {
            follower.onLine(stream, at, cut);
        }
    }

    private void end(Optional<ContainerRuntimeException> failure) {
        List<LogListener> to;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            to = followers;
            followers = List.of();
        }
        forget.accept(this);
        for (LogListener follower : to) {
            follower.onEnd(failure);
        }
    }

    /** The container's last lines, up to where its log ended; then the follow from its last stamp. */
    private final class Replay implements LogListener {

        @Override
        public void onLine(OutputChannel stream, Instant at, String line) {
            append(stream, at, line);
        }

        @Override
        public void onEnd(Optional<ContainerRuntimeException> failure) {
            if (failure.isPresent()) {
                end(failure);
                return;
            }
            Optional<Instant> since;
            Map<OutputChannel, Integer> sent;
            synchronized (ContainerTap.this) {
                if (ended) {
                    return;
                }
                replayed = true;
                since = Optional.ofNullable(lastStamp);
                sent = new EnumMap<>(OutputChannel.class);
                sent.putAll(atLastStamp);
            }
            open(new LogQuery(LogQuery.ALL, since, true), new Follow(since, sent));
        }
    }

    /** The container's lines after the replay: those of its last stamp the replay sent are dropped. */
    private final class Follow implements LogListener {

        private final Optional<Instant> since;
        private final Map<OutputChannel, Integer> toDrop;

        Follow(Optional<Instant> since, Map<OutputChannel, Integer> toDrop) {
            this.since = since;
            this.toDrop = toDrop;
        }

        @Override
        public void onLine(OutputChannel stream, Instant at, String line) {
            if (since.isPresent() && at.equals(since.get()) && toDrop.getOrDefault(stream, 0) > 0) {
                toDrop.merge(stream, -1, Integer::sum);
                return;
            }
            append(stream, at, line);
        }

        @Override
        public void onEnd(Optional<ContainerRuntimeException> failure) {
            end(failure);
        }
    }
}
