package io.slipway.gateway.service;

import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.DeploymentStatus;
import io.slipway.gateway.CommandNotSentException;
import io.slipway.gateway.DeploymentView;
import io.slipway.gateway.ImageDeploymentRequest;
import io.slipway.gateway.InvalidCursorException;
import io.slipway.gateway.InvalidRequestException;
import io.slipway.gateway.Page;
import io.slipway.gateway.PageRequest;
import io.slipway.gateway.StateConflictException;
import io.slipway.gateway.audit.AuditLog;
import io.slipway.gateway.config.GatewayConfig;
import io.slipway.gateway.leases.Claims;
import io.slipway.gateway.mapping.DeploymentMapper;
import io.slipway.gateway.messaging.EngineCommands;
import io.slipway.gateway.repository.App;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.DeploymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Creates deployments and asks the engine to run or cancel them ({@link DryRuns} answers what one would do). A deployment is stored
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

    private final Claims claims;
    private final boolean remote;
    private final AuditLog audit;
    private final ShownDeployments shown;

    public DeploymentService(
            AppRepository apps,
            DeploymentRepository deployments,
            EngineCommands engine,
            BuildContexts contexts,
            Claims claims,
            GatewayConfig config,
            AuditLog audit,
            ShownDeployments shown) {
        this.audit = audit;
        this.shown = shown;
        this.claims = claims;
        this.remote = config.engine().isRemote();
        this.apps = apps;
        this.deployments = deployments;
        this.engine = engine;
        this.contexts = contexts;
    }

    public Optional<DeploymentView> deployImage(String app, ImageDeploymentRequest request) {
        return queue(UUID.randomUUID().toString(), imagePlan(app, request));
    }

    /** What to deploy, before it has an id and the app's config and formation ({@link #orderFor}). */
    static DeploymentOrder.Builder imagePlan(String app, ImageDeploymentRequest request) {
        return DeploymentOrder.builder(DeploymentKind.IMAGE)
                .app(app)
                .image(request.image())
                .appJsonPath(Optional.ofNullable(request.appJsonPath()))
                .procfilePath(Optional.ofNullable(request.procfilePath()))
                .taskTimeout(request.taskTimeout());
    }

    /**
     * The engine reads the context from the gateway's disk when embedded; a worker downloads it from the gateway,
     * over the path it is given here ({@link BuildContexts#store}).
     */
    static DeploymentOrder.Builder contextPlan(String app, String context, Optional<Duration> taskTimeout) {
        return DeploymentOrder.builder(DeploymentKind.BUILD_CONTEXT)
                .app(app)
                .buildContext(Optional.of(context))
                .taskTimeout(taskTimeout);
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

    /**
     * A page of the app's deployments, newest first; empty when there is no such app.
     *
     * @throws InvalidCursorException when the page's cursor is no deployment of the app
     */
    @Transactional
    public Optional<Page<DeploymentView>> ofApp(String app, PageRequest request) {
        return apps.findByIdOptional(app).map(found -> {
            Optional<Deployment> after = request.before()
                    .map(id -> deployments.ofApp(app, id).orElseThrow(() -> new InvalidCursorException(id)));
            return Page.of(deployments.ofApp(app, after, request.limitWithOneMore()), request, Deployment::id)
                    .map(DeploymentMapper::toView);
        });
    }

    /** The deployment as stored; a read with nothing changed since the last one is answered without the database. */
    public Optional<DeploymentView> find(String id) {
        return shown.get(id, this::read);
    }

    @Transactional
    Optional<DeploymentView> read(String id) {
        return deployments.toShow(id).map(DeploymentMapper::toView);
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
    Optional<DeploymentOrder.Builder> retryPlan(String id) {
        return deployments.findByIdOptional(id).map(source -> {
            if (!RETRYABLE.contains(source.status())) {
                throw new StateConflictException("deployment " + id + " is " + source.status()
                        + ": only failed or cancelled deployments can be retried");
            }
            String image = source.sourceImage()
                    .orElseThrow(() -> new StateConflictException("deployment " + id
                            + " never had an image (its build did not finish): deploy the build context again"));
            // A build is not done again; every other kind runs as it did.
            DeploymentKind kind = source.kind() == DeploymentKind.BUILD_CONTEXT ? DeploymentKind.IMAGE : source.kind();
            return DeploymentOrder.builder(kind)
                    .app(source.app())
                    .image(image)
                    .appJsonPath(source.appJsonPath())
                    .procfilePath(source.procfilePath())
                    .manifests(source.manifests())
                    .taskTimeout(source.taskTimeout());
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
    Optional<DeploymentOrder.Builder> rollbackPlan(String app, String releaseId) {
        return apps.findByIdOptional(app).map(found -> {
            Deployment release = deployments
                    .ofApp(app, releaseId)
                    .filter(deployment -> deployment.status() == DeploymentStatus.SUCCEEDED)
                    .filter(deployment -> deployment.releaseImage().isPresent())
                    .orElseThrow(() -> new InvalidRequestException(
                            "release: " + releaseId + " is not a successful deployment of " + app));
            return DeploymentOrder.builder(DeploymentKind.ROLLBACK)
                    .app(app)
                    .image(release.releaseImage().orElseThrow())
                    .manifests(release.manifests());
        });
    }

    @Transactional
    boolean exists(String app) {
        return apps.findByIdOptional(app).isPresent();
    }

    /**
     * Stores the deployment, with who asked for it and the audit log's entry in the same transaction, then, after the
     * commit and outside any transaction, sends it to the engine.
     */
    Optional<DeploymentView> queue(String id, DeploymentOrder.Builder plan) {
        Optional<Queued> queued = store(id, plan);
        queued.ifPresent(deployment -> send(deployment.order()));
        return queued.map(Queued::view);
    }

    /** A stored deployment, and the order that asks the engine to run it. */
    record Queued(DeploymentView view, DeploymentOrder order) {}

    @Transactional
    Optional<Queued> store(String id, DeploymentOrder.Builder plan) {
        return apps.findByIdOptional(plan.app()).map(app -> {
            DeploymentOrder order = orderFor(id, app, plan);
            Deployment deployment = new Deployment(
                    id,
                    app.name(),
                    order.kind(),
                    order.image(),
                    order.appJsonPath(),
                    order.procfilePath(),
                    order.taskTimeout(),
                    Instant.now());
            deployments.persist(deployment.askedBy(audit.actor().orElse(null)));
            audit.recordChange(app.name(), id);
            return new Queued(DeploymentMapper.toView(deployment), order);
        });
    }

    /** What asks the engine to run {@code plan} with the app's config and formation as they are now. */
    static DeploymentOrder orderFor(String id, App app, DeploymentOrder.Builder plan) {
        return plan.deploymentId(id)
                .app(app.name())
                .config(app.config())
                .formationUnlessSet(app.formation())
                .taskTimeoutUnlessSet(app.taskTimeout())
                .limits(app.limits())
                .network(app.sharedNetwork())
                .setupRan(app.setupRan())
                .build();
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
