package io.slipway.gateway.service;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentOrder.ManifestFiles;
import io.slipway.contract.DeploymentStatus;
import io.slipway.gateway.cron.CronEntries;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.gateway.repository.Deployment;
import io.slipway.gateway.repository.DeploymentRepository;
import io.slipway.gateway.repository.LogLine;
import io.slipway.gateway.repository.LogLineRepository;
import io.slipway.gateway.repository.PhaseChange;
import io.slipway.gateway.repository.PhaseChangeRepository;
import io.slipway.gateway.webhook.WebhookOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Keeps the stored deployments in step with the engine's events. */
@ApplicationScoped
public class DeploymentEventStore {

    private static final Logger LOG = Logger.getLogger(DeploymentEventStore.class);

    private final AppRepository apps;
    private final DeploymentRepository deployments;
    private final LogLineRepository lines;
    private final WebhookOutbox webhooks;
    private final PhaseChangeRepository phaseChanges;
    private final CronEntries cron;

    public DeploymentEventStore(
            AppRepository apps,
            DeploymentRepository deployments,
            LogLineRepository lines,
            WebhookOutbox webhooks,
            PhaseChangeRepository phaseChanges,
            CronEntries cron) {
        this.apps = apps;
        this.deployments = deployments;
        this.lines = lines;
        this.webhooks = webhooks;
        this.phaseChanges = phaseChanges;
        this.cron = cron;
    }

    /**
     * Applies one deployment's events, in their order, in one transaction; each once: an event of an
     * unknown deployment (its app was deleted), a repeated seq and anything after the deployment ended
     * change nothing.
     *
     * @param events events of one deployment, in the order the engine sent them
     * @return the events that were new and applied, in order
     */
    @Transactional
    public List<DeploymentEvent> apply(List<DeploymentEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        String deploymentId = events.get(0).deploymentId();
        // Locked: a lost worker's end may be applied by another thread or replica at the same time.
        Deployment deployment = deployments.findById(deploymentId, LockModeType.PESSIMISTIC_WRITE);
        List<DeploymentEvent> applied = new ArrayList<>(events.size());
        List<LogLine> newLines = new ArrayList<>();
        for (DeploymentEvent event : events) {
            if (!event.deploymentId().equals(deploymentId)) {
                throw new IllegalArgumentException(
                        "events of deployments " + deploymentId + " and " + event.deploymentId() + " in one batch");
            }
            if (deployment == null || !deployment.takeEvent(event.seq())) {
                LOG.debugf("Ignoring event %d of deployment %s: unknown, seen or ended", event.seq(), deploymentId);
            } else if (event instanceof DeploymentEvent.Log log) {
                newLines.add(new LogLine(log));
                applied.add(event);
            } else {
                apply(deployment, event);
                webhooks.enqueue(deployment, event);
                applied.add(event);
            }
        }
        lines.insertAll(newLines);
        return applied;
    }

    private void apply(Deployment deployment, DeploymentEvent event) {
        if (event instanceof DeploymentEvent.Started started) {
            deployment.start(started.at());
        } else if (event instanceof DeploymentEvent.ManifestsResolved resolved) {
            deployment.resolveManifests(resolved.image(), new ManifestFiles(resolved.appJson(), resolved.procfile()));
        } else if (event instanceof DeploymentEvent.ConfigAdded added) {
            apps.findByIdOptional(deployment.app()).ifPresent(app -> app.addConfigFromAppJson(added.variables()));
        } else if (event instanceof DeploymentEvent.PhaseChanged change) {
            deployment.changePhase(
                    change.phase(), change.status(), change.command(), change.exitCode(), change.reason(), change.at());
            phaseChanges.persist(new PhaseChange(change));
        } else if (event instanceof DeploymentEvent.Finished finished) {
            finish(deployment, finished);
        } else if (event instanceof DeploymentEvent.RetirementDue due) {
            deployment.retirementDue(due.containers(), due.due());
        } else if (event instanceof DeploymentEvent.Retired retired) {
            deployment.retired(retired.at());
        }
    }

    private void finish(Deployment deployment, DeploymentEvent.Finished finished) {
        if (finished.status() == DeploymentStatus.SUCCEEDED) {
            // A deployment recovered after a crash may have run without its start ever being stored.
            deployment.start(finished.at());
        }
        boolean moved = deployment.finish(finished.status(), finished.reason(), finished.releaseImage(), finished.at());
        if (moved && finished.status() == DeploymentStatus.SUCCEEDED) {
            apps.findByIdOptional(deployment.app()).ifPresent(app -> app.succeeded(deployment));
            if (deployment.kind().makesRelease()) {
                // In this transaction: the app's cron entries are always those of its current release.
                cron.released(deployment);
            }
        }
    }
}
