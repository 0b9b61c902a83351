package io.slipway.gateway.logs;

import io.slipway.contract.AppLogChannels;
import io.slipway.contract.AppLogEvent;
import io.slipway.contract.AppLogRequest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The app log streams this gateway serves. Each client's stream is one engine read ({@link AppLogRequest}): the
 * gateway starts it, renews it every {@link AppLogChannels#RENEW_INTERVAL} while the client stays, and stops it when
 * the client goes; the engine's events for it come back through {@link #dispatch}, in process or from the broker.
 *
 * <p>Memory stays bounded whatever the number of clients and however slow they read: each stream holds at most
 * {@link #MAX_QUEUED_EVENTS} events and {@link #MAX_QUEUED_BYTES} bytes of lines not yet written to its client; a
 * stream past either bound is dropped (it ends with an {@code error} event, and its engine read stops) rather than
 * grow, so one slow client costs the others nothing. At most {@link #MAX_STREAMS} are open at once.
 */
@ApplicationScoped
public class AppLogStreams {

    static final int MAX_QUEUED_EVENTS = 1024;
    static final long MAX_QUEUED_BYTES = 256 * 1024;
    /** As many as one engine serves reads at once. */
    static final int MAX_STREAMS = 500;

    private final LogRequestSender sender;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "slipway-app-log-leases");
        thread.setDaemon(true);
        return thread;
    });

    AppLogStreams(LogRequestSender sender) {
        this.sender = sender;
        long renew = AppLogChannels.RENEW_INTERVAL.toMillis();
        timer.scheduleWithFixedDelay(this::renewAll, renew, renew, TimeUnit.MILLISECONDS);
    }

    /**
     * The app's logs from the engine of its pool; the stream completes when a read without follow has sent all,
     * and ends with an {@link AppLogItem.Error} when the engine fails, none answers, or the client reads too slowly.
     */
    public Multi<AppLogItem> open(String app, String pool, AppLogQuery query) {
        if (streams.size() >= MAX_STREAMS) {
            throw new TooManyStreamsException(
                    "this gateway serves " + MAX_STREAMS + " log streams already; try again later");
        }
        AppLogRequest.Follow follow = new AppLogRequest.Follow(
                UUID.randomUUID().toString(),
                app,
                query.processType().orElse(null),
                query.tail(),
                query.since().orElse(null),
                query.follow());
        Stream stream = new Stream(pool, follow);
        // Known before the engine hears of it, so that no event is missed; its start refused is the request's 503.
        streams.put(follow.requestId(), stream);
        try {
            sender.start(pool, follow);
        } catch (RuntimeException e) {
            streams.remove(follow.requestId());
            throw e;
        }
        AtomicLong queuedBytes = stream.queuedBytes;
        return Multi.createFrom()
                .<AppLogItem>emitter(
                        emitter -> {
                            emitter.onTermination(() -> close(stream));
                            stream.attach(emitter);
                            timer.schedule(
                                    stream::unanswered,
                                    AppLogChannels.ANSWER_TIMEOUT.toMillis(),
                                    TimeUnit.MILLISECONDS);
                        },
                        BackPressureStrategy.IGNORE)
                .onOverflow()
                .buffer(MAX_QUEUED_EVENTS)
                .onItem()
                .invoke(item -> queuedBytes.addAndGet(-bytes(item)))
                .onFailure()
                .recoverWithItem(AppLogStreams::dropped);
    }

    private static AppLogItem dropped(Throwable failure) {
        return new AppLogItem.Error(
                failure instanceof BackPressureFailure
                        ? "the client reads more slowly than the app prints: the stream was dropped after "
                                + MAX_QUEUED_EVENTS + " events waited for it"
                        : failure.getMessage());
    }

    /** An event of the engine's: to the stream it belongs to, if this gateway serves it. */
    public void dispatch(AppLogEvent event) {
        Stream stream = streams.get(event.requestId());
        if (stream != null) {
            stream.take(event);
        }
    }

    /** The embedded engine's events, fired on its threads: handed on without waiting. */
    void onEmbeddedEvent(@Observes AppLogEvent event) {
        dispatch(event);
    }

    private void renewAll() {
        streams.values()
                .forEach(stream -> sender.tell(
                        stream.pool, new AppLogRequest.Renew(stream.follow.requestId(), stream.follow.app())));
    }

    private void close(Stream stream) {
        if (streams.remove(stream.follow.requestId()) != null && !stream.engineEnded.get()) {
            sender.tell(stream.pool, new AppLogRequest.Stop(stream.follow.requestId(), stream.follow.app()));
        }
    }

    private static long bytes(AppLogItem item) {
        return item instanceof AppLogItem.Line line ? weight(line.line().line()) : 0;
    }

    /** A line's cost in the queue: its characters at two bytes each, as the heap holds them, and a record's room. */
    private static long weight(String line) {
        return 2L * line.length() + 200;
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** One client's stream. */
    private static final class Stream {

        private final String pool;
        private final AppLogRequest.Follow follow;
        private final AtomicLong queuedBytes = new AtomicLong();
        private final AtomicBoolean answered = new AtomicBoolean();
        private final AtomicBoolean engineEnded = new AtomicBoolean();
        private volatile MultiEmitter<? super AppLogItem> emitter;

        Stream(String pool, AppLogRequest.Follow follow) {
            this.pool = pool;
            this.follow = follow;
        }

        /** Events that came before the client subscribed: the embedded engine answers within the start. */
        private final List<AppLogEvent> early = new ArrayList<>();

        private boolean done;

        synchronized void attach(MultiEmitter<? super AppLogItem> subscribed) {
            emitter = subscribed;
            early.forEach(this::pass);
            early.clear();
        }

        synchronized void take(AppLogEvent event) {
            answered.set(true);
            if (emitter == null && early.size() < MAX_QUEUED_EVENTS) {
                early.add(event);
            } else if (emitter != null) {
                pass(event);
            }
        }

        private void pass(AppLogEvent event) {
            if (done || emitter.isCancelled()) {
                return;
            }
            if (event instanceof AppLogEvent.Line line) {
                if (queuedBytes.addAndGet(weight(line.line())) > MAX_QUEUED_BYTES) {
                    end(new IllegalStateException("the client reads more slowly than the app prints: the stream was"
                            + " dropped after " + MAX_QUEUED_BYTES / 1024 + " KiB waited for it"));
                    return;
                }
                emitter.emit(new AppLogItem.Line(AppLogLine.of(line)));
            } else if (event instanceof AppLogEvent.Release release) {
                emitter.emit(new AppLogItem.Release(release.deploymentId()));
            } else if (event instanceof AppLogEvent.Ended ended) {
                engineEnded.set(true);
                if (ended.error() != null) {
                    emitter.emit(new AppLogItem.Error(ended.error()));
                }
                done = true;
                emitter.complete();
            }
        }

        private void end(Throwable failure) {
            done = true;
            emitter.fail(failure);
        }

        synchronized void unanswered() {
            if (!answered.get() && !done && !emitter.isCancelled()) {
                end(new IllegalStateException("no engine of the app's pool " + pool + " took the log read" + " within "
                        + AppLogChannels.ANSWER_TIMEOUT.toSeconds() + " s"));
            }
        }
    }
}
