package io.slipway.gateway.service;

import io.slipway.contract.DeploymentOrder;
import io.slipway.engine.pipeline.DeploymentPlan;
import io.slipway.engine.pipeline.DeploymentPlanner;
import io.slipway.gateway.ImageDeploymentRequest;
import io.slipway.gateway.InvalidRequestException;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.manifest.ManifestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * What a deployment would do, by the embedded engine's rules, planned with the order {@link DeploymentService} would
 * send: the one place of the gateway that asks the engine's planner. Methods answer empty when the app does not
 * exist.
 */
@ApplicationScoped
public class DryRuns {

    private final AppRepository apps;
    private final BuildContexts contexts;
    private final Instance<DeploymentPlanner> planner;
    private final boolean remote;

    public DryRuns(
            AppRepository apps, BuildContexts contexts, Instance<DeploymentPlanner> planner, GatewayConfig config) {
        this.apps = apps;
        this.contexts = contexts;
        this.planner = planner;
        this.remote = config.engine().isRemote();
    }

    /**
     * What a deployment of the image would do, by the engine's rules: nothing is stored, nothing is sent, and no
     * container is started (the manifests are copied out of a created one).
     */
    public Optional<DeploymentPlan> ofImage(String app, ImageDeploymentRequest request) throws ManifestException {
        return dryRun(DeploymentService.imagePlan(app, request));
    }

    /** What a deployment of the build context would do; it is not built, and not kept. */
    public Optional<DeploymentPlan> ofContext(String app, InputStream upload) throws IOException, ManifestException {
        if (!exists(app)) {
            return Optional.empty();
        }
        requireEngine();
        String id = UUID.randomUUID().toString();
        String context = contexts.store(id, upload);
        try {
            return dryRun(DeploymentService.contextPlan(app, context, Optional.empty()));
        } finally {
            contexts.delete(id);
        }
    }

    private Optional<DeploymentPlan> dryRun(DeploymentOrder.Builder plan) throws ManifestException {
        Optional<DeploymentOrder> order = orderFor(plan);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        requireEngine();
        try {
            return Optional.of(planner.get().plan(order.get()));
        } catch (DeploymentPlanner.ImageAbsentException e) {
            throw new InvalidRequestException("image: " + e.getMessage());
        }
    }

    /**
     * A dry run reads the image's manifests from an engine, and a gateway with remote workers has none: a worker of
     * the app's pool may have no such image either, and a plan by another engine's rules would mislead.
     */
    private void requireEngine() {
        if (remote) {
            throw new ServerErrorException(
                    "a dry run needs an engine to read the image's manifests, and this gateway runs none"
                            + " (SLIPWAY_ENGINE=remote); validate the manifests with POST /api/v1/manifests/validate",
                    Response.Status.NOT_IMPLEMENTED);
        }
    }

    @Transactional
    Optional<DeploymentOrder> orderFor(DeploymentOrder.Builder plan) {
        return apps.findByIdOptional(plan.app())
                .map(app -> DeploymentService.orderFor(UUID.randomUUID().toString(), app, plan));
    }

    @Transactional
    boolean exists(String app) {
        return apps.findByIdOptional(app).isPresent();
    }
}
