package io.slipway.gateway.service;

import io.slipway.engine.pipeline.DeploymentEvent;
import io.slipway.gateway.LogEvent;
import io.slipway.gateway.mapping.LogEventMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deployment's output for the logs stream: the stored lines, then the live ones until it ends.
 *
 * <p>The stored lines are read page by page as the client takes them. Then a follower starts listening
 * to live events <em>before</em> it reads the lines stored since the last page, and
 * drops every live line whose seq it has already sent: a line stored after the read arrives live,
 * a line stored before it arrives from the store, and none is missed between the two. This relies
 * on the consumer storing an event before it {@link #publish publishes} it.
 */
@ApplicationScoped
public class DeploymentLogs {

    /** Stored lines read at once for a follower. */
    static final int PAGE = 500;

    private final StoredLogs stored;
    private final Map<String, Set<Follower>> followers = new ConcurrentHashMap<>();

    public DeploymentLogs(StoredLogs stored) {
        this.stored = stored;
    }

    /** Hands a stored event to the followers of its deployment. */
    public void publish(DeploymentEvent event) {
        followers.getOrDefault(event.deploymentId(), Set.of()).forEach(follower -> follower.live(event));
    }

    /** The lines after {@code afterSeq}, stored then live; completes when the deployment has ended. */
    public Multi<LogEvent> follow(String deploymentId, long afterSeq) {
        AtomicLong replayed = new AtomicLong(afterSeq);
        // Page by page as the client reads, never the whole log at once: a deployment may have
        // stored a hundred thousand lines, and a slow client must not make the gateway hold them.
        Multi<LogEvent> pages = Multi.createBy()
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

    /** The stored lines after {@code last}, a page of them; moves {@code last} to the page's end. */
    private List<LogEvent> nextPage(String deploymentId, AtomicLong last) {
        List<LogEvent> page = stored.page(deploymentId, last.get(), PAGE);
        if (!page.isEmpty()) {
            last.set(page.get(page.size() - 1).seq());
        }
        return page;
    }

    /** The lines after {@code afterSeq}: those stored since the pages were read, then the live ones. */
    private Multi<LogEvent> live(String deploymentId, long afterSeq) {
        return Multi.createFrom()
                .<LogEvent>emitter(
                        emitter -> {
                            Follower follower = new Follower(emitter, afterSeq);
                            followers.compute(deploymentId, (id, set) -> {
                                Set<Follower> ofDeployment = set == null ? ConcurrentHashMap.newKeySet() : set;
                                ofDeployment.add(follower);
                                return ofDeployment;
                            });
                            emitter.onTermination(() -> forget(deploymentId, follower));
                            StoredLogs.Since since = stored.since(deploymentId, afterSeq);
                            follower.replay(since.lines(), since.ended());
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

    /** One subscriber: holds live events back until the stored lines are sent, then passes them on. */
    private static final class Follower {

        private final MultiEmitter<? super LogEvent> emitter;
        private long lastSent;
        private List<DeploymentEvent> heldBack = new ArrayList<>();

        Follower(MultiEmitter<? super LogEvent> emitter, long afterSeq) {
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

        synchronized void replay(List<LogEvent> stored, boolean ended) {
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
            } else if (event instanceof DeploymentEvent.Finished) {
                emitter.complete();
            }
        }

        private void send(LogEvent event) {
            lastSent = event.seq();
            emitter.emit(event);
        }
    }
}
