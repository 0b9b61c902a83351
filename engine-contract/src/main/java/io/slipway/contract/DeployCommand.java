package io.slipway.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;

/**
 * What the gateway asks of the engine on {@link Channels#DEPLOY_REQUESTS}. Every command is keyed by
 * app, so a cancel reaches the worker that holds that app's lane.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DeployCommand.Start.class, name = "start"),
    @JsonSubTypes.Type(value = DeployCommand.Cancel.class, name = "cancel"),
    @JsonSubTypes.Type(value = DeployCommand.DeleteApp.class, name = "delete-app"),
    @JsonSubTypes.Type(value = DeployCommand.RemoveImages.class, name = "remove-images"),
    @JsonSubTypes.Type(value = DeployCommand.Recover.class, name = "recover"),
    @JsonSubTypes.Type(value = DeployCommand.CleanUp.class, name = "clean-up"),
    @JsonSubTypes.Type(value = DeployCommand.Retire.class, name = "retire"),
    // One-off runs: outside the app's deployment lane.
    @JsonSubTypes.Type(value = DeployCommand.StartRun.class, name = "start-run"),
    @JsonSubTypes.Type(value = DeployCommand.CancelRun.class, name = "cancel-run")
})
public sealed interface DeployCommand {

    String app();

    record Start(DeploymentOrder order) implements DeployCommand {
        @Override
        public String app() {
            return order.app();
        }
    }

    record Cancel(String app, String deploymentId) implements DeployCommand {}

    /** Stops and removes the app's containers and every image Slipway made for it. */
    record DeleteApp(String app) implements DeployCommand {}

    /** Removes release images the app no longer keeps for rollback; only images Slipway made are touched. */
    record RemoveImages(String app, List<String> images) implements DeployCommand {}

    /**
     * Settles a deployment that a restart left unfinished, from what the engine shows: it succeeded if
     * its release switch had happened, else it failed and what it left is removed. The answer is its
     * {@code Finished} event, numbered after {@code lastSeq}, the last event the sender stored.
     */
    record Recover(String app, String deploymentId, long lastSeq) implements DeployCommand {}

    /**
     * Removes what a deployment that is known to be over left on the engine (its worker was lost): its task
     * containers, its process containers unless they run the app's current release, and its release image;
     * then routes the app to what runs as current. Any worker of the app's pool may do it.
     */
    record CleanUp(String app, String deploymentId) implements DeployCommand {}

    /**
     * Retires, at {@code due} or at once when that has passed, the containers a succeeded deployment's {@link
     * DeploymentEvent.RetirementDue} named and whose {@link DeploymentEvent.Retired} never came (the engine that was to
     * retire them restarted or was lost). Only the app's route and the pending mark are set in the app's lane, the wait is outside it; the answer is the {@code Retired} event, numbered
     * after {@code lastSeq}.
     */
    record Retire(String app, String deploymentId, List<String> containers, Instant due, long lastSeq)
            implements DeployCommand {
        public Retire {
            containers = List.copyOf(containers);
        }
    }

    // One-off runs: they never wait for the app's deployments and never hold them up.

    /** Runs a one-off command at once, beside whatever the app's lane runs; it reports {@link RunEvent}s. */
    record StartRun(RunOrder order) implements DeployCommand {
        @Override
        public String app() {
            return order.app();
        }
    }

    /** Kills a run's container; the run ends {@code CANCELLED}. */
    record CancelRun(String app, String runId) implements DeployCommand {}
}
