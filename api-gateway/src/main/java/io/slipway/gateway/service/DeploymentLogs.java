package io.slipway.gateway.service;

import io.slipway.contract.DeploymentEvent;
import io.slipway.gateway.StreamEvent;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.mapping.LogEventMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deployment's output for the logs stream: the stored lines and phase changes, then the live ones
 * until it ends.
 *
 * <p>The stored events are read page by page as the client takes them. Then a follower starts listening
 * to live events <em>before</em> it reads the events stored since the last page, and
 * drops every live event whose seq it has already sent: an event stored after the read arrives live,
 * one stored before it arrives from the store, and none is missed between the two. This relies
 * on the consumer storing an event before it {@link #publish publishes} it.
 *
 * <p>In remote mode the replica that stores a deployment's events need not be the one a client streams from (the
 * replicas share one consumer group, so each event reaches one of them): a follower reads what was stored after its
 * last event every {@link #POLL_INTERVAL} instead, from the database every replica shares, until the deployment has
 * ended and its last events are sent.
 */
@ApplicationScoped
public class DeploymentLogs {

    /** Stored events read at once for a follower. */
    static final int PAGE = 500;

    /** How often a follower in remote mode reads what was stored since: short enough to read as live. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final StoredLogs stored;
    private final boolean fromDatabase;
    private final Map<String, Set<Follower>> followers = new ConcurrentHashMap<>();

    public DeploymentLogs(StoredLogs stored, GatewayConfig config) {
        this.stored = stored;
        this.fromDatabase = config.engine().isRemote();
    }

    /** Hands a stored event to the followers of its deployment. */
    public void publish(DeploymentEvent event) {
        followers.getOrDefault(event.deploymentId(), Set.of()).forEach(follower -> follower.live(event));
    }

    /** The events after {@code afterSeq}, stored then live; completes when the deployment has ended. */
    public Multi<StreamEvent> follow(String deploymentId, long afterSeq) {
        if (fromDatabase) {
            return polled(deploymentId, afterSeq);
        }
        AtomicLong replayed = new AtomicLong(afterSeq);
        // Page by page as the client reads, never the whole log at once: a deployment may have
        // stored a hundred thousand lines, and a slow client must not make the gateway hold them.
        Multi<StreamEvent> pages = Multi.createBy()
                .repeating()
                .uni(
                        () -> replayed,
                        last -> Uni.createFrom()
                                .item(() -> nextPage(deploymentId, last))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .until(List::isEmpty)
                .onItem()
                .disjoint();
        return Multi.createBy()
                .concatenating()
                .streams(pages, Multi.createFrom().deferred(() -> live(deploymentId, replayed.get())));
    }

    /** Page after page of what is stored, a pause after each page that was not full, until the end is sent. */
    private Multi<StreamEvent> polled(String deploymentId, long afterSeq) {
        AtomicLong last = new AtomicLong(afterSeq);
        AtomicBoolean caughtUp = new AtomicBoolean();
        return Multi.createBy()
                .repeating()
                .uni(() -> pause(caughtUp.get())
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(ignored -> {
                            StoredLogs.Since page = stored.pageSince(deploymentId, last.get(), PAGE);
                            if (!page.events().isEmpty()) {
                                last.set(page.events()
                                        .get(page.events().size() - 1)
                                        .seq());
                            }
                            caughtUp.set(page.events().size() < PAGE);
                            return page;
                        }))
                .whilst(page -> !(page.ended() && page.events().size() < PAGE))
                .onItem()
                .transformToIterable(StoredLogs.Since::events);
    }

    /** A poll interval once the follower has caught up; none while whole pages keep coming. */
    private static Uni<Void> pause(boolean caughtUp) {
        Uni<Void> now = Uni.createFrom().voidItem();
        return caughtUp ? now.onItem().delayIt().by(POLL_INTERVAL) : now;
    }

    /** The stored events after {@code last}, a page of them; moves {@code last} to the page's end. */
    private List<StreamEvent> nextPage(String deploymentId, AtomicLong last) {
        List<StreamEvent> page = stored.page(deploymentId, last.get(), PAGE);
        if (!page.isEmpty()) {
            last.set(page.get(page.size() - 1).seq());
        }
        return page;
    }

    /** The events after {@code afterSeq}: those stored since the pages were read, then the live ones. */
    private Multi<StreamEvent> live(String deploymentId, long afterSeq) {
        return Multi.createFrom()
                .<StreamEvent>emitter(
                        emitter -> {
                            Follower follower = new Follower(emitter, afterSeq);
                            followers.compute(deploymentId, (id, set) -> {
                                Set<Follower> ofDeployment = set == null ? ConcurrentHashMap.newKeySet() : set;
                                ofDeployment.add(follower);
                                return ofDeployment;
                            });
                            emitter.onTermination(() -> forget(deploymentId, follower));
                            StoredLogs.Since since = stored.since(deploymentId, afterSeq);
                            follower.replay(since.events(), since.ended());
                        },
                        BackPressureStrategy.BUFFER)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private void forget(String deploymentId, Follower follower) {
        followers.computeIfPresent(deploymentId, (id, set) -> {
            set.remove(follower);
            return set.isEmpty() ? null : set;
        });
    }

    /** One subscriber: holds live events back until the stored events are sent, then passes them on. */
    private static final class Follower {

        private final MultiEmitter<? super StreamEvent> emitter;
        private long lastSent;
        private List<DeploymentEvent> heldBack = new ArrayList<>();

        Follower(MultiEmitter<? super StreamEvent> emitter, long afterSeq) {
            this.emitter = emitter;
            this.lastSent = afterSeq;
        }

        synchronized void live(DeploymentEvent event) {
            if (heldBack != null) {
                heldBack.add(event);
            } else {
                pass(event);
            }
        }

        synchronized void replay(List<StreamEvent> stored, boolean ended) {
            stored.forEach(this::send);
            if (ended) {
                emitter.complete();
                return;
            }
            List<DeploymentEvent> held = heldBack;
            heldBack = null;
            held.forEach(this::pass);
        }

        private void pass(DeploymentEvent event) {
            if (event instanceof DeploymentEvent.Log log && log.seq() > lastSent) {
                send(LogEventMapper.toEvent(log));
            } else if (event instanceof DeploymentEvent.PhaseChanged change && change.seq() > lastSent) {
                send(LogEventMapper.toEvent(change));
            } else if (event instanceof DeploymentEvent.Finished) {
                emitter.complete();
            }
        }

        private void send(StreamEvent event) {
            lastSent = event.seq();
            emitter.emit(event);
        }
    }
}
