package io.slipway.engine.pipeline;

import io.slipway.engine.pipeline.DeploymentEvent.Finished;
import io.slipway.engine.pipeline.DeploymentEvent.Log;
import io.slipway.engine.pipeline.DeploymentEvent.ManifestsResolved;
import io.slipway.engine.pipeline.DeploymentEvent.PhaseChanged;
import io.slipway.engine.pipeline.DeploymentEvent.Started;
import io.slipway.engine.pipeline.DeploymentOrder.ManifestFiles;
import java.time.Clock;
import java.util.function.Consumer;

/** Numbers and timestamps one deployment's events and hands them on, one at a time. */
final class EventRecorder {

    private final String deploymentId;
    private final String app;
    private final Consumer<DeploymentEvent> sink;
    private final Clock clock;
    private long seq;

    EventRecorder(String deploymentId, String app, Consumer<DeploymentEvent> sink, Clock clock) {
        this.deploymentId = deploymentId;
        this.app = app;
        this.sink = sink;
        this.clock = clock;
    }

    synchronized void started() {
        sink.accept(new Started(deploymentId, app, ++seq, clock.instant()));
    }

    synchronized void manifests(String image, ManifestFiles files) {
        sink.accept(new ManifestsResolved(
                deploymentId, app, ++seq, clock.instant(), image, files.appJson(), files.procfile()));
    }

    synchronized void phase(PhaseEvent change) {
        sink.accept(new PhaseChanged(
                deploymentId,
                app,
                ++seq,
                clock.instant(),
                change.phase(),
                change.status(),
                change.command(),
                change.exitCode(),
                change.reason()));
    }

    synchronized void log(Phase phase, LogStream stream, String line) {
        sink.accept(new Log(deploymentId, app, ++seq, clock.instant(), phase, stream, line));
    }

    synchronized void finished(DeploymentStatus status, String reason, String releaseImage) {
        sink.accept(new Finished(deploymentId, app, ++seq, clock.instant(), status, reason, releaseImage));
    }
}
