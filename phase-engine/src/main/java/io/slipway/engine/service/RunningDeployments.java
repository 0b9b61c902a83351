package io.slipway.engine.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The deployments this worker has claimed and not finished, as its reports name them. */
@ApplicationScoped
public class RunningDeployments {

    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    void add(String deploymentId) {
        ids.add(deploymentId);
    }

    void remove(String deploymentId) {
        ids.remove(deploymentId);
    }

    public List<String> list() {
        return List.copyOf(ids);
    }
}
