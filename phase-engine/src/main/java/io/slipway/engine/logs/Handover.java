package io.slipway.engine.logs;

import io.slipway.contract.AppLogChannels;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.LogListener;
import io.slipway.runtime.OutputChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A follower that joins a container's shared read with lines of its own before it: the lines of its {@link #history()}
 * read (without follow, started after it joined), then those of the shared read from where the history ends. Until the
 * history ends the shared read's lines wait here, at most {@link #MAX_WAITING} of them and {@link #MAX_WAITING_BYTES}
 * (past either, this follower's read of the container fails rather than grow; the others go on); then those the history
 * already sent are left out: on each stream, a line stamped before the history's last, and one stamped as the history's
 * last whose text the history sent at that stamp (once for each time it did).
 *
 * <p>The engines stamp lines in nanoseconds (Docker) or in whole seconds (Podman): on Podman a line printed again,
 * the same text within the same second, just as the follower joined, is taken for the one the history sent.
 */
final class Handover implements LogListener {

    static final int MAX_WAITING = AppLogChannels.MAX_TAIL;
    /** Counted as the heap holds them: two bytes a character. */
    static final long MAX_WAITING_BYTES = 1024 * 1024;

    private record Waiting(OutputChannel stream, Instant at, String line) {}

    private final Optional<Instant> since;
    private final LogListener target;
    private final List<Waiting> waiting = new ArrayList<>();
    private long waitingBytes;
    private final Map<OutputChannel, Instant> lastAt = new EnumMap<>(OutputChannel.class);
    /** The texts the history sent stamped with {@link #lastAt}, per stream. */
    private final Map<OutputChannel, List<String>> atLast = new EnumMap<>(OutputChannel.class);

    private boolean historyDone;
    private boolean over;
    private Optional<ContainerRuntimeException> sharedEnd;

    Handover(Optional<Instant> since, LogListener target) {
        this.since = since;
        this.target = target;
    }

    /** What receives the history read. */
    LogListener history() {
        return new LogListener() {
            @Override
            public void onLine(OutputChannel stream, Instant at, String line) {
                historyLine(stream, at, line);
            }

            @Override
            public void onEnd(Optional<ContainerRuntimeException> failure) {
                historyEnded(failure);
            }
        };
    }

    private synchronized void historyLine(OutputChannel stream, Instant at, String line) {
        if (historyDone || over) {
            return;
        }
        Instant last = lastAt.get(stream);
        if (last == null || at.isAfter(last)) {
            lastAt.put(stream, at);
            atLast.put(stream, new ArrayList<>());
        }
        atLast.get(stream).add(line);
        target.onLine(stream, at, line);
    }

    private synchronized void historyEnded(Optional<ContainerRuntimeException> failure) {
        if (historyDone || over) {
            return;
        }
        historyDone = true;
        if (failure.isPresent()) {
            finish(failure);
            return;
        }
        for (Waiting line : waiting) {
            if (!sentByHistory(line)) {
                pass(line.stream(), line.at(), line.line());
            }
        }
        waiting.clear();
        waitingBytes = 0;
        if (sharedEnd != null) {
            finish(sharedEnd);
        }
    }

    private boolean sentByHistory(Waiting line) {
        Instant last = lastAt.get(line.stream());
        if (last == null || line.at().isAfter(last)) {
            return false;
        }
        return line.at().isBefore(last) || atLast.get(line.stream()).remove(line.line());
    }

    @Override
    public synchronized void onLine(OutputChannel stream, Instant at, String line) {
        if (over) {
            return;
        }
        if (historyDone) {
            pass(stream, at, line);
        } else if (waiting.size() < MAX_WAITING && waitingBytes + 2L * line.length() <= MAX_WAITING_BYTES) {
            waiting.add(new Waiting(stream, at, line));
            waitingBytes += 2L * line.length();
        } else {
            finish(Optional.of(new ContainerRuntimeException("the container printed more than " + MAX_WAITING
                    + " lines or " + MAX_WAITING_BYTES / 1024 + " KiB while its earlier lines were read")));
        }
    }

    @Override
    public synchronized void onEnd(Optional<ContainerRuntimeException> failure) {
        if (over) {
            return;
        }
        if (historyDone || failure.isPresent()) {
            finish(failure);
        } else {
            sharedEnd = failure;
        }
    }

    private void pass(OutputChannel stream, Instant at, String line) {
        if (since.isEmpty() || !at.isBefore(since.get())) {
            target.onLine(stream, at, line);
        }
    }

    private void finish(Optional<ContainerRuntimeException> failure) {
        over = true;
        waiting.clear();
        waitingBytes = 0;
        target.onEnd(failure);
    }
}
