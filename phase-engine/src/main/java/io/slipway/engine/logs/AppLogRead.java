package io.slipway.engine.logs;

import io.slipway.contract.AppLogChannels;
import io.slipway.contract.AppLogEvent;
import io.slipway.contract.AppLogRequest;
import io.slipway.contract.LogStream;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.ContainerRuntimeException;
import io.slipway.runtime.ContainerState;
import io.slipway.runtime.LogFollow;
import io.slipway.runtime.LogListener;
import io.slipway.runtime.LogQuery;
import io.slipway.runtime.OutputChannel;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One client's read of an app's logs: one log read per running process container of the app (of one type, if
 * asked), each container read once. A followed read is shown the app's containers again and again ({@link
 * #containers}): it starts reading those it has not read yet, from their first line, after an {@code Release}
 * event naming their deployment when that is new to it; a container it read before, which the engine restarted,
 * is read again from just after the last line it sent. So a line is never sent twice, and a deployment, restart or
 * scale moves the read to the new containers by itself.
 *
 * <p>A followed read takes a container's lines from its {@link ContainerTaps} (one engine read shared by the
 * container's followers): the tail its own read would have started with, from the tap's ring, then the tap's lines
 * after it, by position. One the tap cannot serve yet is tried again, with the same query, at the next list. A read
 * without follow, and the read again of a container the engine restarted, read the engine themselves.
 *
 * <p>Thread-safe: the log reads' lines arrive on the runtime's threads, the container lists on the caller's.
 */
final class AppLogRead {

    private final AppLogRequest.Follow request;
    private final ContainerRuntime runtime;
    private final ContainerTaps taps;
    private final Consumer<AppLogEvent> out;
    /** What is read now, by container id. */
    private final Map<String, LogFollow> reading = new HashMap<>();
    /** The last line's time of every container read so far. */
    private final Map<String, Instant> lastAt = new HashMap<>();
    /** The query of each container whose tap could not be joined yet, as decided when first seen. */
    private final Map<String, LogQuery> deferred = new HashMap<>();

    private final Set<String> deployments = new HashSet<>();
    private boolean started;
    private boolean ended;
    private Instant leaseEnd;

    AppLogRead(
            AppLogRequest.Follow request,
            ContainerRuntime runtime,
            ContainerTaps taps,
            Consumer<AppLogEvent> out,
            Instant now) {
        this.request = request;
        this.runtime = runtime;
        this.taps = taps;
        this.out = out;
        renew(now);
    }

    String app() {
        return request.app();
    }

    synchronized void renew(Instant now) {
        leaseEnd = now.plus(AppLogChannels.LEASE);
    }

    synchronized boolean expired(Instant now) {
        return now.isAfter(leaseEnd);
    }

    synchronized boolean ended() {
        return ended;
    }

    /**
     * The app's process containers as the engine lists them now. A read without follow takes only the first list,
     * and ends once every container's lines are sent.
     */
    synchronized void containers(List<ContainerInfo> ofApp) {
        if (ended || (started && !request.follow())) {
            return;
        }
        for (ContainerInfo container : ofApp) {
            if (container.state() == ContainerState.RUNNING
                    && !reading.containsKey(container.id())
                    && (request.processType() == null
                            || request.processType().equals(container.labels().get(ContainerLabels.PROCESS_TYPE)))) {
                read(container);
            }
        }
        boolean first = !started;
        started = true;
        if (first && !request.follow() && reading.isEmpty()) {
            end(null);
        }
    }

    /** Ends the read with {@code error}, or as complete when it is null; nothing is sent after it. */
    synchronized void end(String error) {
        if (ended) {
            return;
        }
        ended = true;
        reading.values().forEach(LogFollow::close);
        reading.clear();
        out.accept(new AppLogEvent.Ended(request.requestId(), error));
    }

    /** Ends the read without a word: its reader went away. */
    synchronized void stop() {
        ended = true;
        reading.values().forEach(LogFollow::close);
        reading.clear();
    }

    private void read(ContainerInfo container) {
        String deploymentId = container.labels().get(ContainerLabels.DEPLOYMENT);
        if (deployments.add(deploymentId) && started) {
            out.accept(new AppLogEvent.Release(request.requestId(), deploymentId));
        }
        boolean restarted = lastAt.containsKey(container.id())
                && !lastAt.get(container.id()).equals(Instant.MIN);
        LogQuery query = deferred.remove(container.id());
        if (query == null) {
            query = query(container);
        }
        Listener listener = new Listener(container, ProcessNames.of(container), deploymentId);
        // Known before the first line can come: lines of a listener not in it are dropped.
        reading.put(container.id(), listener.follow);
        if (!request.follow() || restarted) {
            lastAt.putIfAbsent(container.id(), Instant.MIN);
            listener.follow.set(runtime.readLog(container.id(), query, listener));
            return;
        }
        Optional<ContainerTaps.Joined> joined = taps.attach(container.id(), query.tail(), query.since(), listener);
        if (joined.isEmpty()) {
            reading.remove(container.id());
            deferred.put(container.id(), query);
            return;
        }
        lastAt.putIfAbsent(container.id(), Instant.MIN);
        listener.follow.set(joined.get().detach());
        // Under this read's lock: the tap's lines after these wait for it, so they come after them.
        for (ContainerTaps.Entry entry : joined.get().tail()) {
            line(listener, entry.stream(), entry.at(), entry.line());
        }
    }

    private LogQuery query(ContainerInfo container) {
        Instant last = lastAt.get(container.id());
        if (last != null && !last.equals(Instant.MIN)) {
            // Restarted by the engine: what it printed since the last line sent, and only that.
            return new LogQuery(LogQuery.ALL, Optional.of(last.plusNanos(1)), request.follow());
        }
        if (!started) {
            return new LogQuery(request.tail(), Optional.ofNullable(request.since()), request.follow());
        }
        // New since the read began: from its first line, as many as a read may start with.
        return new LogQuery(AppLogChannels.MAX_TAIL, Optional.ofNullable(request.since()), request.follow());
    }

    private synchronized void line(Listener from, OutputChannel stream, Instant at, String line) {
        if (ended || reading.get(from.container.id()) != from.follow) {
            return;
        }
        lastAt.put(from.container.id(), at);
        out.accept(new AppLogEvent.Line(
                request.requestId(),
                from.process,
                from.container.labels().get(ContainerLabels.PROCESS_TYPE),
                from.container.id(),
                from.deploymentId,
                stream == OutputChannel.STDERR ? LogStream.STDERR : LogStream.STDOUT,
                LogLines.cut(line),
                at));
    }

    private synchronized void containerEnded(Listener from, Optional<ContainerRuntimeException> failure) {
        if (ended || reading.get(from.container.id()) != from.follow) {
            return;
        }
        if (failure.isPresent()) {
            end("the engine failed while reading the log of " + from.process + ": "
                    + failure.get().getMessage());
            return;
        }
        reading.remove(from.container.id());
        if (!request.follow() && reading.isEmpty()) {
            end(null);
        }
    }

    /** A container's read; its follow is known once the runtime answered, and closes the read when set late. */
    private final class Listener implements LogListener {

        private final ContainerInfo container;
        private final String process;
        private final String deploymentId;
        private final LateFollow follow = new LateFollow();

        Listener(ContainerInfo container, String process, String deploymentId) {
            this.container = container;
            this.process = process;
            this.deploymentId = deploymentId;
        }

        @Override
        public void onLine(OutputChannel stream, Instant at, String line) {
            line(this, stream, at, line);
        }

        @Override
        public void onEnd(Optional<ContainerRuntimeException> failure) {
            containerEnded(this, failure);
        }
    }

    /** A close that may come before the runtime returned the read it closes. */
    private static final class LateFollow implements LogFollow {

        private LogFollow read;
        private boolean closed;

        synchronized void set(LogFollow read) {
            this.read = read;
            if (closed) {
                read.close();
            }
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (read != null) {
                read.close();
            }
        }
    }
}
