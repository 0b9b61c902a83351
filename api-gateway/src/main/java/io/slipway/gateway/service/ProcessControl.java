package io.slipway.gateway.service;

import io.slipway.contract.DeploymentKind;
import io.slipway.contract.DeploymentOrder;
import io.slipway.gateway.DeploymentView;
import io.slipway.gateway.StateConflictException;
import io.slipway.gateway.repository.App;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.gateway.repository.Deployment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Restart, stop, start, scale and config releases: deployments of their own kind, of the app's current release,
 * queued in the app's lane like every deployment. Methods answer empty when the app does not exist.
 */
@ApplicationScoped
public class ProcessControl {

    private final AppRepository apps;
    private final DeploymentService deployments;

    public ProcessControl(AppRepository apps, DeploymentService deployments) {
        this.apps = apps;
        this.deployments = deployments;
    }

    /** @param type the one process type to restart; empty for all */
    public Optional<DeploymentView> restart(String app, Optional<String> type) {
        return queue(app, DeploymentKind.RESTART, plan -> plan.processType(type));
    }

    public Optional<DeploymentView> stop(String app) {
        return queue(app, DeploymentKind.STOP, plan -> plan);
    }

    public Optional<DeploymentView> start(String app) {
        return queue(app, DeploymentKind.START, plan -> plan);
    }

    /** Applies the quantities of the types named now; the others keep their containers. */
    public Optional<DeploymentView> scale(String app, Map<String, Integer> named) {
        return queue(app, DeploymentKind.SCALE, plan -> plan.formation(named));
    }

    /** The whole pipeline again, on the current release's source image and manifests, with the app's config. */
    public Optional<DeploymentView> configRelease(String app) {
        return queue(app, DeploymentKind.CONFIG, plan -> plan);
    }

    /** Whether the app has a release, so that a config change makes a new one. */
    @Transactional
    public boolean hasRelease(String app) {
        return apps.findByIdOptional(app).flatMap(App::currentRelease).isPresent();
    }

    /** Whether the app runs a release that is not stopped, so that a scale applies now. */
    @Transactional
    public boolean runsRelease(String app) {
        return apps.findByIdOptional(app)
                .filter(found -> found.currentRelease().isPresent() && !found.isStopped())
                .isPresent();
    }

    private Optional<DeploymentView> queue(
            String app, DeploymentKind kind, UnaryOperator<DeploymentOrder.Builder> detail) {
        return plan(app, kind)
                .map(detail)
                .flatMap(plan -> deployments.queue(UUID.randomUUID().toString(), plan));
    }

    /**
     * The order of the current release again: its release image for process control, its source image (what
     * predeploy starts from) for a config release, with the manifests it ran with.
     *
     * @throws StateConflictException when the app has no release yet
     */
    @Transactional
    Optional<DeploymentOrder.Builder> plan(String app, DeploymentKind kind) {
        return apps.findByIdOptional(app).map(found -> {
            Deployment release = currentRelease(found);
            DeploymentOrder.Builder plan =
                    DeploymentOrder.builder(kind).app(app).manifests(release.manifests());
            if (kind == DeploymentKind.CONFIG) {
                return plan.image(release.sourceImage().orElseThrow())
                        .appJsonPath(release.appJsonPath())
                        .procfilePath(release.procfilePath());
            }
            return plan.image(release.releaseImage().orElseThrow());
        });
    }

    private static Deployment currentRelease(App app) {
        return app.currentRelease()
                .orElseThrow(() -> new StateConflictException(app.name() + " has no release yet: deploy it first"));
    }
}
