package io.slipway.gateway.service;

import io.quarkus.runtime.StartupEvent;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.DeploymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * At start-up, ends the deployments a previous run left queued or running: the engine's queues and
 * lanes lived in that process's memory, so no event will ever finish them. They become
 * {@code FAILED} with reason {@value Deployment#INTERRUPTED}, their open phases closed, and their
 * build contexts are removed. Their app's current release is untouched, as after any failure.
 */
@ApplicationScoped
public class InterruptedDeployments {

    private static final Logger LOG = Logger.getLogger(InterruptedDeployments.class);

    private final DeploymentRepository deployments;
    private final BuildContexts contexts;

    public InterruptedDeployments(DeploymentRepository deployments, BuildContexts contexts) {
        this.deployments = deployments;
        this.contexts = contexts;
    }

    void onStart(@Observes StartupEvent start) {
        markInterrupted();
        contexts.deleteAll();
    }

    /** @return how many deployments were marked */
    @Transactional
    public int markInterrupted() {
        List<Deployment> left = deployments.active();
        Instant now = Instant.now();
        left.forEach(deployment -> deployment.interrupt(now));
        if (!left.isEmpty()) {
            LOG.warnf(
                    "%d deployment(s) left queued or running by the previous run are now FAILED (%s)",
                    left.size(), Deployment.INTERRUPTED);
        }
        return left.size();
    }
}
