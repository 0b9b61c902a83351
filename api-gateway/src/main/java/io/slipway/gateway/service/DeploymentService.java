package io.slipway.gateway.service;

import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentOrder.ManifestFiles;
import io.slipway.contract.DeploymentStatus;
import io.slipway.engine.pipeline.DeploymentPlan;
import io.slipway.engine.pipeline.DeploymentPlanner;
import io.slipway.gateway.CommandNotSentException;
import io.slipway.gateway.DeploymentView;
import io.slipway.gateway.ImageDeploymentRequest;
import io.slipway.gateway.InvalidRequestException;
import io.slipway.gateway.StateConflictException;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.mapping.DeploymentMapper;
import io.slipway.gateway.messaging.EngineCommands;
import io.slipway.gateway.repository.App;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.DeploymentRepository;
import io.slipway.gateway.worker.Claims;
import io.slipway.manifest.ManifestException;
import io.slipway.runtime.ImageNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Creates deployments and asks the engine to run or cancel them. A deployment is stored
 * {@code QUEUED} first and sent to the engine after the commit, so the engine's first event always
 * finds it. Methods answer empty when the app or deployment they name does not exist.
 */
@ApplicationScoped
public class DeploymentService {

    private static final Set<DeploymentStatus> RETRYABLE =
            EnumSet.of(DeploymentStatus.FAILED, DeploymentStatus.CANCELLED);

    private final AppRepository apps;
    private final DeploymentRepository deployments;
    private final EngineCommands engine;
    private final BuildContexts contexts;
    private static final Logger LOG = Logger.getLogger(DeploymentService.class);

    private final Instance<DeploymentPlanner> planner;
    private final Claims claims;
    private final boolean remote;

    public DeploymentService(
            AppRepository apps,
            DeploymentRepository deployments,
            EngineCommands engine,
            BuildContexts contexts,
            Instance<DeploymentPlanner> planner,
            Claims claims,
            GatewayConfig config) {
        this.claims = claims;
        this.remote = config.engine().isRemote();
        this.apps = apps;
        this.deployments = deployments;
        this.engine = engine;
        this.contexts = contexts;
        this.planner = planner;
    }

    /** What to deploy, before it has an id. */
    record Plan(
            String app,
            DeploymentKind kind,
            String image,
            Optional<String> buildContext,
            Optional<String> appJsonPath,
            Optional<String> procfilePath,
            Optional<ManifestFiles> manifests,
            Optional<Duration> taskTimeout) {}

    public Optional<DeploymentView> deployImage(String app, ImageDeploymentRequest request) {
        return queue(UUID.randomUUID().toString(), imagePlan(app, request));
    }

    private static Plan imagePlan(String app, ImageDeploymentRequest request) {
        return new Plan(
                app,
                DeploymentKind.IMAGE,
                request.image(),
                Optional.empty(),
                Optional.ofNullable(request.appJsonPath()),
                Optional.ofNullable(request.procfilePath()),
                Optional.empty(),
                request.taskTimeout());
    }

    /**
     * The engine reads the context from the gateway's disk when embedded; a worker downloads it from the gateway,
     * over the path it is given here ({@link BuildContexts#store}).
     */
    private Plan contextPlan(String app, String context, Optional<Duration> taskTimeout) {
        return new Plan(
                app,
                DeploymentKind.BUILD_CONTEXT,
                null,
                Optional.of(context),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                taskTimeout);
    }

    /**
     * Stores the uploaded tar (plain or gzip) where the engine reads it, then queues its build.
     *
     * @param taskTimeout the timeout of each task of this deployment; empty for the app's, else the engine's
     */
    public Optional<DeploymentView> deployContext(String app, InputStream upload, Optional<Duration> taskTimeout)
            throws IOException {
        if (!exists(app)) {
            return Optional.empty();
        }
        String id = UUID.randomUUID().toString();
        String context = contexts.store(id, upload);
        Optional<DeploymentView> queued = queue(id, contextPlan(app, context, taskTimeout));
        if (queued.isEmpty()) {
            contexts.delete(id);
        }
        return queued;
    }

    /** Newest first. */
    @Transactional
    public Optional<List<DeploymentView>> ofApp(String app, int limit) {
        return apps.findByIdOptional(app)
                .map(found -> deployments.ofApp(app, limit).stream()
                        .map(DeploymentMapper::toView)
                        .toList());
    }

    @Transactional
    public Optional<DeploymentView> find(String id) {
        return deployments.findByIdOptional(id).map(DeploymentMapper::toView);
    }

    /**
     * Asks the engine to cancel a queued or running deployment; it reports {@code CANCELLED} when it has. In remote
     * mode one that no worker has claimed yet is cancelled at once.
     */
    public Optional<DeploymentView> cancel(String id) {
        Optional<DeploymentView> found = find(id);
        found.ifPresent(deployment -> {
            if (deployment.status().isFinal()) {
                throw new StateConflictException(
                        "deployment " + id + " has ended (" + deployment.status() + "): nothing to cancel");
            }
            if (remote && claims.cancelUnclaimed(id)) {
                // Ended here; the worker that holds its start is told too, but is refused it anyway if not.
                try {
                    engine.cancel(deployment.app(), id);
                } catch (CommandNotSentException e) {
                    LOG.debugf("Cancel of unclaimed deployment %s not sent: %s", id, e.getMessage());
                }
                return;
            }
            engine.cancel(deployment.app(), id);
        });
        return remote ? found.flatMap(deployment -> find(id)) : found;
    }

    /** A new deployment of a failed or cancelled one's image and manifests: no rebuild. */
    public Optional<DeploymentView> retry(String id) {
        return retryPlan(id).flatMap(retry -> queue(UUID.randomUUID().toString(), retry));
    }

    @Transactional
    Optional<Plan> retryPlan(String id) {
        return deployments.findByIdOptional(id).map(source -> {
            if (!RETRYABLE.contains(source.status())) {
                throw new StateConflictException("deployment " + id + " is " + source.status()
                        + ": only failed or cancelled deployments can be retried");
            }
            String image = source.sourceImage()
                    .orElseThrow(() -> new StateConflictException("deployment " + id
                            + " never had an image (its build did not finish): deploy the build context again"));
            DeploymentKind kind =
                    source.kind() == DeploymentKind.ROLLBACK ? DeploymentKind.ROLLBACK : DeploymentKind.IMAGE;
            return new Plan(
                    source.app(),
                    kind,
                    image,
                    Optional.empty(),
                    source.appJsonPath(),
                    source.procfilePath(),
                    source.manifests(),
                    source.taskTimeout());
        });
    }

    /**
     * Runs an earlier successful deployment's release image again, with its manifests, from
     * {@code RELEASE} on: its predeploy result is already in that image.
     */
    public Optional<DeploymentView> rollback(String app, String releaseId) {
        return rollbackPlan(app, releaseId)
                .flatMap(rollback -> queue(UUID.randomUUID().toString(), rollback));
    }

    @Transactional
    Optional<Plan> rollbackPlan(String app, String releaseId) {
        return apps.findByIdOptional(app).map(found -> {
            Deployment release = deployments
                    .ofApp(app, releaseId)
                    .filter(deployment -> deployment.status() == DeploymentStatus.SUCCEEDED)
                    .filter(deployment -> deployment.releaseImage().isPresent())
                    .orElseThrow(() -> new InvalidRequestException(
                            "release: " + releaseId + " is not a successful deployment of " + app));
            return new Plan(
                    app,
                    DeploymentKind.ROLLBACK,
                    release.releaseImage().orElseThrow(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    release.manifests(),
                    Optional.empty());
        });
    }

    @Transactional
    boolean exists(String app) {
        return apps.findByIdOptional(app).isPresent();
    }

    /** Stores the deployment, then, after the commit and outside any transaction, sends it to the engine. */
    private Optional<DeploymentView> queue(String id, Plan plan) {
        Optional<Queued> queued = store(id, plan);
        queued.ifPresent(deployment -> send(deployment.order()));
        return queued.map(Queued::view);
    }

    /** A stored deployment, and the order that asks the engine to run it. */
    record Queued(DeploymentView view, DeploymentOrder order) {}

    @Transactional
    Optional<Queued> store(String id, Plan plan) {
        return apps.findByIdOptional(plan.app()).map(app -> {
            DeploymentOrder order = orderFor(id, app, plan);
            Deployment deployment = new Deployment(
                    id,
                    app.name(),
                    plan.kind(),
                    plan.image(),
                    plan.appJsonPath(),
                    plan.procfilePath(),
                    order.taskTimeout(),
                    Instant.now());
            deployments.persist(deployment);
            return new Queued(DeploymentMapper.toView(deployment), order);
        });
    }

    /** What asks the engine to run {@code plan} with the app's config and formation as they are now. */
    private static DeploymentOrder orderFor(String id, App app, Plan plan) {
        return new DeploymentOrder(
                id,
                app.name(),
                plan.kind(),
                plan.image(),
                plan.buildContext(),
                plan.appJsonPath(),
                plan.procfilePath(),
                plan.manifests(),
                app.config(),
                app.formation(),
                plan.taskTimeout().or(app::taskTimeout),
                app.limits(),
                Optional.empty());
    }

    /**
     * What a deployment of the image would do, by the engine's rules: nothing is stored, nothing is sent, and no
     * container is started (the manifests are copied out of a created one).
     */
    public Optional<DeploymentPlan> dryRunImage(String app, ImageDeploymentRequest request) throws ManifestException {
        return dryRun(imagePlan(app, request));
    }

    /** What a deployment of the build context would do; it is not built, and not kept. */
    public Optional<DeploymentPlan> dryRunContext(String app, InputStream upload)
            throws IOException, ManifestException {
        if (!exists(app)) {
            return Optional.empty();
        }
        requireEngine();
        String id = UUID.randomUUID().toString();
        String context = contexts.store(id, upload);
        try {
            return dryRun(new Plan(
                    app,
                    DeploymentKind.BUILD_CONTEXT,
                    null,
                    Optional.of(context),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()));
        } finally {
            contexts.delete(id);
        }
    }

    private Optional<DeploymentPlan> dryRun(Plan plan) throws ManifestException {
        Optional<DeploymentOrder> order = dryRunOrder(plan);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        requireEngine();
        try {
            return Optional.of(planner.get().plan(order.get()));
        } catch (ImageNotFoundException e) {
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
    Optional<DeploymentOrder> dryRunOrder(Plan plan) {
        return apps.findByIdOptional(plan.app())
                .map(app -> orderFor(UUID.randomUUID().toString(), app, plan));
    }

    private void send(DeploymentOrder order) {
        try {
            engine.start(order);
        } catch (CommandNotSentException e) {
            notQueued(order.deploymentId(), e.getMessage());
            order.buildContext().ifPresent(context -> contexts.delete(order.deploymentId()));
            throw e;
        }
    }

    @Transactional
    void notQueued(String id, String why) {
        deployments
                .findByIdOptional(id)
                .ifPresent(deployment ->
                        deployment.finish(DeploymentStatus.FAILED, "not queued: " + why, null, Instant.now()));
    }
}
