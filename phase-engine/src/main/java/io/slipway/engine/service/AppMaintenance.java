package io.slipway.engine.service;

import io.slipway.contract.DeployCommand;
import io.slipway.engine.messaging.DeploymentEventPublisher;
import io.slipway.engine.pipeline.AppRemoval;
import io.slipway.engine.pipeline.ContainerLabels;
import io.slipway.engine.pipeline.CurrentRoutes;
import io.slipway.engine.pipeline.DeploymentPipeline;
import io.slipway.engine.pipeline.InterruptedDeploymentRecovery;
import io.slipway.engine.pipeline.Retirement;
import io.slipway.runtime.ContainerRuntime;
import io.slipway.runtime.router.Router;
import io.slipway.runtime.router.RouterException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The work on an app's containers that is no deployment: removing the app or its old releases, settling a deployment
 * a restart interrupted, cleaning up after a lost worker, asking again for a retirement a restart cut short. {@link DeploymentWorker} runs each in the app's lane, so
 * none overlaps a deployment of the app.
 */
@ApplicationScoped
public class AppMaintenance {

    private static final Logger LOG = Logger.getLogger(AppMaintenance.class);

    private final AppRemoval removal;
    private final InterruptedDeploymentRecovery recovery;
    private final DeploymentPipeline pipeline;
    private final DeploymentEventPublisher publisher;
    private final Router router;
    private final ContainerRuntime runtime;
    private final CurrentRoutes currentRoutes;
    private final Event<WorkerStateChanged> changed;

    AppMaintenance(
            AppRemoval removal,
            InterruptedDeploymentRecovery recovery,
            DeploymentPipeline pipeline,
            DeploymentEventPublisher publisher,
            Router router,
            ContainerRuntime runtime,
            Event<WorkerStateChanged> changed) {
        this.removal = removal;
        this.recovery = recovery;
        this.pipeline = pipeline;
        this.publisher = publisher;
        this.router = router;
        this.runtime = runtime;
        this.currentRoutes = new CurrentRoutes(runtime);
        this.changed = changed;
    }

    /** Removes everything the app has on the engine. */
    void deleteApp(String app) {
        routeTo(app, List.of());
        removal.removeApp(app).forEach(problem -> LOG.warnf("Deleting app %s: %s", app, problem));
        changed.fire(new WorkerStateChanged());
    }

    /** Removes release images the app no longer keeps. */
    void removeImages(String app, List<String> images) {
        removal.removeImages(app, images);
    }

    /**
     * Removes what a deployment its lost worker left (the gateway ended it {@code worker lost}), and routes the app
     * to what runs as current. Only that deployment's containers are touched.
     */
    void cleanUp(String app, String deploymentId) {
        List<String> problems = recovery.cleanUp(app, deploymentId);
        routeTo(app, currentRoutes.read().getOrDefault(app, List.of()));
        problems.forEach(problem -> LOG.warnf("Cleaning up %s: %s", deploymentId, problem));
        LOG.infof("Removed what deployment %s of %s left behind", deploymentId, app);
        changed.fire(new WorkerStateChanged());
    }

    /**
     * Settles a deployment a restart left unfinished: this process never ran it, so the engine alone tells whether
     * its release switch happened. Its end is numbered after {@code lastSeq}, the last event the gateway stored.
     */
    void recover(String app, String deploymentId, long lastSeq) {
        InterruptedDeploymentRecovery.Outcome outcome = recovery.recover(app, deploymentId);
        // The interrupted deployment may have switched traffic: route to what runs as current now.
        routeTo(app, currentRoutes.read().getOrDefault(app, List.of()));
        outcome.problems().forEach(problem -> LOG.warnf("Recovering %s: %s", deploymentId, problem));
        LOG.infof("Deployment %s of %s, interrupted by a restart, ended %s", deploymentId, app, outcome.status());
        pipeline.recorderAfter(deploymentId, app, lastSeq, publisher::publish)
                .finished(outcome.status(), outcome.reason(), outcome.releaseImage());
    }

    /**
     * Retires, at its due time, what a succeeded deployment replaced and a restart kept from retiring. Those containers
     * may run the current image (a restart's, a config change's) and so have been routed again at this engine's
     * start: they leave the route first.
     */
    void retire(DeployCommand.Retire command) {
        String app = command.app();
        List<String> retiring = runtime.listContainers(ContainerLabels.processesOf(app)).stream()
                .filter(container -> command.containers().contains(container.id()))
                .flatMap(container -> container.address().stream())
                .toList();
        List<String> routed = router.upstreams(app);
        List<String> kept =
                routed.stream().filter(upstream -> !retiring.contains(upstream)).toList();
        if (!kept.isEmpty() && kept.size() < routed.size()) {
            routeTo(app, kept);
        }
        pipeline.retirements()
                .schedule(
                        new Retirement(app, command.deploymentId(), command.containers(), command.due()),
                        pipeline.recorderAfter(command.deploymentId(), app, command.lastSeq(), publisher::publish));
        LOG.infof("Retiring what deployment %s of %s replaced, at %s", command.deploymentId(), app, command.due());
    }

    /** A router that does not answer must not stop the engine's work; its routes are re-applied later. */
    private void routeTo(String app, List<String> upstreams) {
        try {
            router.route(app, upstreams);
        } catch (RouterException e) {
            LOG.warnf("Route of %s not changed: %s", app, e.getMessage());
        }
    }
}
