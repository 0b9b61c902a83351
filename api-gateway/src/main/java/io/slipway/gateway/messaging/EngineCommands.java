package io.slipway.gateway.messaging;

import io.slipway.contract.Channels;
import io.slipway.contract.DeployCommand;
import io.slipway.contract.DeploymentOrder;
import io.slipway.gateway.CommandNotSentException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * What the gateway asks of the engine, on {@link Channels#DEPLOY_REQUESTS}, keyed by app name so one
 * app's commands stay in order on a partitioned broker. Each send waits for the channel's
 * acknowledgement: a command that cannot be delivered fails the request instead of vanishing.
 */
@ApplicationScoped
public class EngineCommands {

    private static final Logger LOG = Logger.getLogger(EngineCommands.class);

    /** Long enough for a broker that is slow to acknowledge, short enough to answer the caller. */
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<DeployCommand> emitter;

    public EngineCommands(@Channel(Channels.DEPLOY_REQUESTS) MutinyEmitter<DeployCommand> emitter) {
        this.emitter = emitter;
    }

    public void start(DeploymentOrder order) {
        send(new DeployCommand.Start(order));
    }

    public void cancel(String app, String deploymentId) {
        send(new DeployCommand.Cancel(app, deploymentId));
    }

    /** Stops and removes the app's containers and the images Slipway made for it. */
    public void deleteApp(String app) {
        send(new DeployCommand.DeleteApp(app));
    }

    /**
     * Removes release images the app no longer keeps for rollback. Nobody waits for this: the command
     * is handed to the channel without waiting for its acknowledgement, and a refusal is logged (the
     * next successful deployment of the app asks again).
     */
    public void removeImages(String app, List<String> images) {
        emitter.sendMessage(keyed(new DeployCommand.RemoveImages(app, images)))
                .subscribe()
                .with(
                        sent -> {},
                        failure -> LOG.warnf(
                                "Could not ask the engine to remove old releases of %s: %s",
                                app, failure.getMessage()));
    }

    /** Has the engine settle a deployment a restart left unfinished; it answers with the deployment's end. */
    public void recover(String app, String deploymentId, long lastSeq) {
        send(new DeployCommand.Recover(app, deploymentId, lastSeq));
    }

    private void send(DeployCommand command) {
        try {
            emitter.sendMessage(keyed(command)).await().atMost(ACK_TIMEOUT);
        } catch (RuntimeException e) {
            throw new CommandNotSentException("the engine's channel refused the command: " + e.getMessage(), e);
        }
    }

    private static Message<DeployCommand> keyed(DeployCommand command) {
        return Message.of(command)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(command.app())
                        .build());
    }
}
