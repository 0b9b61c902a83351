package io.slipway.engine.pipeline;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentEvent.ConfigAdded;
import io.slipway.contract.DeploymentEvent.Finished;
import io.slipway.contract.DeploymentEvent.Log;
import io.slipway.contract.DeploymentEvent.ManifestsResolved;
import io.slipway.contract.DeploymentEvent.PhaseChanged;
import io.slipway.contract.DeploymentEvent.Retired;
import io.slipway.contract.DeploymentEvent.RetirementDue;
import io.slipway.contract.DeploymentEvent.Started;
import io.slipway.contract.DeploymentOrder.ManifestFiles;
import io.slipway.contract.DeploymentStatus;
import io.slipway.contract.LogStream;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Numbers and timestamps one deployment's events and hands them on, one at a time. Every reason and every line
 * Slipway writes itself ({@link LogStream#SYSTEM}) passes the deployment's {@link ConfigRedaction} here, wherever
 * its text came from; the output of the app's own tasks and build is the app's and is passed on as it is.
 *
 * <p>Output lines past the cap are dropped here, before they cost memory or storage downstream; the
 * deployment's last line, just before its end, says how many. Slipway's own lines are never dropped.
 *
 * <p>A deployment ended before its pipeline ran (cancelled while queued, a build context that never came) ends
 * through its recorder too, so that every end is numbered in its deployment's sequence ({@link
 * DeploymentPipeline#recorder}).
 */
public final class EventRecorder {

    private final String deploymentId;
    private final String app;
    private final Consumer<DeploymentEvent> sink;
    private final Clock clock;
    private ConfigRedaction redaction;
    private final int maxOutputLines;
    private long seq;
    private long outputLines;
    private Phase lastDroppedIn;

    EventRecorder(
            String deploymentId,
            String app,
            Consumer<DeploymentEvent> sink,
            Clock clock,
            ConfigRedaction redaction,
            int maxOutputLines) {
        this(deploymentId, app, 0, sink, clock, redaction, maxOutputLines);
    }

    /** @param lastSeq the number of the deployment's last event so far: the next one is numbered after it */
    EventRecorder(
            String deploymentId,
            String app,
            long lastSeq,
            Consumer<DeploymentEvent> sink,
            Clock clock,
            ConfigRedaction redaction,
            int maxOutputLines) {
        this.seq = lastSeq;
        this.deploymentId = deploymentId;
        this.app = app;
        this.sink = sink;
        this.clock = clock;
        this.redaction = redaction;
        this.maxOutputLines = maxOutputLines;
    }

    synchronized void started() {
        sink.accept(new Started(deploymentId, app, ++seq, clock.instant()));
    }

    synchronized void manifests(String image, ManifestFiles files) {
        sink.accept(new ManifestsResolved(
                deploymentId, app, ++seq, clock.instant(), image, files.appJson(), files.procfile()));
    }

    /** Variables added to the deployment's config: their values are masked from here on, too. */
    synchronized void configAdded(Map<String, String> variables) {
        redaction = redaction.plus(variables);
        sink.accept(new ConfigAdded(deploymentId, app, ++seq, clock.instant(), variables));
    }

    synchronized void phase(PhaseTransition change) {
        sink.accept(new PhaseChanged(
                deploymentId,
                app,
                ++seq,
                clock.instant(),
                change.phase().reported(),
                change.status(),
                change.command(),
                change.exitCode(),
                redaction.apply(change.reason())));
    }

    synchronized void log(Phase phase, LogStream stream, String line) {
        if (stream != LogStream.SYSTEM && ++outputLines > maxOutputLines) {
            lastDroppedIn = phase;
            return;
        }
        String text = stream == LogStream.SYSTEM ? redaction.apply(line) : line;
        sink.accept(new Log(deploymentId, app, ++seq, clock.instant(), phase.reported(), stream, text));
    }

    /** Right before a successful end: the containers the new release replaced, and when they are retired. */
    synchronized void retirementDue(Retirement retirement) {
        sink.accept(new RetirementDue(
                deploymentId, app, ++seq, clock.instant(), retirement.containers(), retirement.due()));
    }

    /** After the end, and the lines that say how: the previous release's containers are retired. */
    synchronized void retired() {
        sink.accept(new Retired(deploymentId, app, ++seq, clock.instant()));
    }

    public synchronized void finished(DeploymentStatus status, String reason, String releaseImage) {
        if (lastDroppedIn != null) {
            sink.accept(new Log(
                    deploymentId,
                    app,
                    ++seq,
                    clock.instant(),
                    lastDroppedIn.reported(),
                    LogStream.SYSTEM,
                    "output reached the cap of " + maxOutputLines + " lines: the " + (outputLines - maxOutputLines)
                            + " lines after it were dropped"));
        }
        sink.accept(
                new Finished(deploymentId, app, ++seq, clock.instant(), status, redaction.apply(reason), releaseImage));
    }
}
