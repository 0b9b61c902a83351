package io.slipway.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a deployment reports while it runs, in order: {@code seq} numbers every event of one
 * deployment from 1 without gaps, so a consumer can drop redelivered events and order the rest.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DeploymentEvent.Started.class, name = "started"),
    @JsonSubTypes.Type(value = DeploymentEvent.ManifestsResolved.class, name = "manifests"),
    @JsonSubTypes.Type(value = DeploymentEvent.ConfigAdded.class, name = "config-added"),
    @JsonSubTypes.Type(value = DeploymentEvent.PhaseChanged.class, name = "phase"),
    @JsonSubTypes.Type(value = DeploymentEvent.Log.class, name = "log"),
    @JsonSubTypes.Type(value = DeploymentEvent.Finished.class, name = "finished"),
    @JsonSubTypes.Type(value = DeploymentEvent.RetirementDue.class, name = "retirement-due"),
    @JsonSubTypes.Type(value = DeploymentEvent.Retired.class, name = "retired")
})
public sealed interface DeploymentEvent {

    String deploymentId();

    String app();

    long seq();

    Instant at();

    /** The deployment left the queue and runs. */
    record Started(String deploymentId, String app, long seq, Instant at) implements DeploymentEvent {}

    /**
     * The manifests the deployment uses, and the image its phases start from: what a retry needs
     * to run again without a rebuild. A {@code null} text means the file is absent.
     */
    record ManifestsResolved(
            String deploymentId, String app, long seq, Instant at, String image, String appJson, String procfile)
            implements DeploymentEvent {}

    /**
     * Config variables app.json's {@code env} added for this deployment (defaults, generated secrets): the app keeps
     * them, unless its config got them meanwhile. Values are secrets: this event is applied, never logged or shown.
     */
    record ConfigAdded(String deploymentId, String app, long seq, Instant at, Map<String, String> variables)
            implements DeploymentEvent {}

    /** A phase moved to {@code status}; command, exit code and reason when they are known. */
    record PhaseChanged(
            String deploymentId,
            String app,
            long seq,
            Instant at,
            PhaseName phase,
            PhaseStatus status,
            String command,
            Integer exitCode,
            String reason)
            implements DeploymentEvent {}

    /** One line of output of a phase. */
    record Log(String deploymentId, String app, long seq, Instant at, PhaseName phase, LogStream stream, String line)
            implements DeploymentEvent {}

    /**
     * Sent right before a {@code SUCCEEDED} end when the new release replaced running containers: they are stopped
     * and removed at {@code due} (after the wait-to-retire time, so that the requests they still answer finish),
     * after the end, outside the app's lane. The receiver keeps this so that a retirement a restart cut short can be
     * asked for again ({@link DeployCommand.Retire}).
     *
     * @param containers the ids of the containers to retire
     */
    record RetirementDue(String deploymentId, String app, long seq, Instant at, List<String> containers, Instant due)
            implements DeploymentEvent {
        public RetirementDue {
            containers = List.copyOf(containers);
        }
    }

    /**
     * The containers a {@link RetirementDue} named are stopped and removed, or were gone already; the deployment's
     * last event, after its end and the {@link Log} lines that say how each went (one that could not be retired is
     * named there).
     */
    record Retired(String deploymentId, String app, long seq, Instant at) implements DeploymentEvent {}

    /** The deployment ended; {@code releaseImage} is set when it succeeded. */
    record Finished(
            String deploymentId,
            String app,
            long seq,
            Instant at,
            DeploymentStatus status,
            String reason,
            String releaseImage)
            implements DeploymentEvent {

        /**
         * The reason of a deployment that a restart cut short and that could not have finished: both sides set it
         * (the gateway for what never reached the engine, the engine for what it finds half done).
         */
        public static final String INTERRUPTED = "interrupted";
    }
}
