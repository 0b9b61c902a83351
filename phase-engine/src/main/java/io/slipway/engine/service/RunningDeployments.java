package io.slipway.engine.service;

import io.slipway.engine.messaging.DeploymentEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deployments this worker has claimed and not finished, as its reports name them. A report and a deployment's
 * end travel on different topics, and a gateway that hears a report without a deployment it knows as running ends
 * it ({@code worker lost}: the worker restarted). So a deployment stays named until its end is with the broker, and
 * then for {@link #ENDED_GRACE} more: after a broker restart a gateway's consumers rejoin one by one, and its report
 * consumer may read this worker's reports long before its event consumer reads the end (55 s once; most likely
 * the consumer group waiting out a former member's session). A worker that restarted starts with an empty list, so the grace never
 * hides a deployment it abandoned, and naming an ended deployment a little longer costs a report nothing.
 */
@ApplicationScoped
public class RunningDeployments {

    static final Duration ENDED_GRACE = Duration.ofMinutes(5);

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> ended = new ConcurrentHashMap<>();
    private final DeploymentEventPublisher publisher;
    private final Clock clock;

    @Inject
    RunningDeployments(DeploymentEventPublisher publisher) {
        this(publisher, Clock.systemUTC());
    }

    RunningDeployments(DeploymentEventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    void add(String deploymentId) {
        ids.add(deploymentId);
    }

    void remove(String deploymentId) {
        ended.put(deploymentId, clock.instant());
        ids.remove(deploymentId);
    }

    public List<String> list() {
        Instant now = clock.instant();
        Set<String> running = new TreeSet<>(ids);
        running.addAll(publisher.endsInFlight());
        // The grace starts once the broker took the end: a report is made at least every few seconds.
        running.forEach(id -> ended.computeIfPresent(id, (key, at) -> now));
        ended.values().removeIf(at -> at.isBefore(now.minus(ENDED_GRACE)));
        running.addAll(ended.keySet());
        return List.copyOf(running);
    }
}
