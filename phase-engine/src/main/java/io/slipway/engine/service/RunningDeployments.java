package io.slipway.engine.service;

import io.slipway.engine.messaging.DeploymentEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deployments this worker has claimed and not finished, as its reports name them: finished means its end is
 * with the broker, so a report and the end, which travel on different topics, never tell the gateway that a
 * deployment still under way was abandoned.
 */
@ApplicationScoped
public class RunningDeployments {

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final DeploymentEventPublisher publisher;

    RunningDeployments(DeploymentEventPublisher publisher) {
        this.publisher = publisher;
    }

    void add(String deploymentId) {
        ids.add(deploymentId);
    }

    void remove(String deploymentId) {
        ids.remove(deploymentId);
    }

    public List<String> list() {
        Set<String> running = new TreeSet<>(ids);
        running.addAll(publisher.endsInFlight());
        return List.copyOf(running);
    }
}
