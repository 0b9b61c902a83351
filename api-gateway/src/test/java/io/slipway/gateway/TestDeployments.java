package io.slipway.gateway;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.slipway.contract.DeploymentKind;
import io.slipway.gateway.messaging.DeploymentEventConsumer;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.DeploymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Deployments stored as the gateway stores a new one, but never sent to the engine: their events
 * come from {@link EngineEvents} only, so a test decides everything that happens to them.
 */
@ApplicationScoped
public class TestDeployments {

    private final DeploymentRepository deployments;
    private final DeploymentEventConsumer consumer;

    public TestDeployments(DeploymentRepository deployments, DeploymentEventConsumer consumer) {
        this.deployments = deployments;
        this.consumer = consumer;
    }

    /** A queued image deployment of {@code image}. */
    public String queued(String app, String image) {
        return queued(app, DeploymentKind.IMAGE, image);
    }

    /** @param image null for a build context */
    public String queued(String app, DeploymentKind kind, String image) {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew()
                .run(() -> deployments.persist(new Deployment(
                        id, app, kind, image, Optional.empty(), Optional.empty(), Optional.empty(), Instant.now())));
        return id;
    }

    EngineEvents events(String deploymentId, String app) {
        return new EngineEvents(consumer, deploymentId, app);
    }

    /** A queued deployment, with the engine standing by to report on it. */
    EngineEvents queuedWithEvents(String app, String image) {
        return events(queued(app, image), app);
    }

    /** A queued deployment of this kind, with the engine standing by to report on it. */
    EngineEvents queuedWithEvents(String app, DeploymentKind kind, String image) {
        return events(queued(app, kind, image), app);
    }
}
