package io.slipway.gateway.messaging;

import io.slipway.contract.Channels;
import io.slipway.contract.DeployCommand;
import io.slipway.contract.DeploymentOrder;
import io.slipway.contract.RunOrder;
import io.slipway.gateway.CommandNotSentException;
import io.slipway.gateway.config.GatewayConfig;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * What the gateway asks of the engine, keyed by app name so one app's commands stay in order on a partitioned
 * broker: on {@link Channels#DEPLOY_REQUESTS} in memory to the embedded engine, or in remote mode on
 * {@link RemoteChannels#DEPLOY_REQUESTS} to the topic of the app's pool, which is created first. Each send waits
 * for the channel's acknowledgement: a command that cannot be delivered fails the request instead of vanishing.
 */
@ApplicationScoped
public class EngineCommands {

    private static final Logger LOG = Logger.getLogger(EngineCommands.class);

    /** Long enough for an embedded engine that is busy, short enough to answer the caller. */
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Beyond the producer's own bounds ({@code max.block.ms} and {@code delivery.timeout.ms}, 3 s and 5 s): a
     * broker that is away fails the request within seconds.
     */
    private static final Duration BROKER_ACK_TIMEOUT = Duration.ofSeconds(8);

    private final MutinyEmitter<DeployCommand> emitter;
    private final boolean remote;
    private final PoolTopics topics;
    private final AppPools pools;

    public EngineCommands(
            @Channel(Channels.DEPLOY_REQUESTS) MutinyEmitter<DeployCommand> embedded,
            @Channel(RemoteChannels.DEPLOY_REQUESTS) MutinyEmitter<DeployCommand> workers,
            GatewayConfig config,
            PoolTopics topics,
            AppPools pools) {
        this.remote = config.engine().isRemote();
        this.emitter = remote ? workers : embedded;
        this.topics = topics;
        this.pools = pools;
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
        Message<DeployCommand> message;
        try {
            message = addressed(new DeployCommand.RemoveImages(app, images));
        } catch (RuntimeException e) {
            LOG.warnf("Could not ask the engine to remove old releases of %s: %s", app, e.getMessage());
            return;
        }
        emitter.sendMessage(message)
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

    /**
     * Has a live worker of the app's pool remove what a deployment known to be over (its worker was lost) left on the
     * engine, and route the app to what runs as current.
     */
    public void cleanUp(String app, String deploymentId) {
        send(new DeployCommand.CleanUp(app, deploymentId));
    }

    /** Asks again for a retirement that a restart cut short; the engine answers with the deployment's Retired. */
    public void retire(DeployCommand.Retire retire) {
        send(retire);
    }

    /** Starts a one-off run beside the app's deployments; the engine reports its {@code RunEvent}s. */
    public void startRun(RunOrder order) {
        send(new DeployCommand.StartRun(order));
    }

    public void cancelRun(String app, String runId) {
        send(new DeployCommand.CancelRun(app, runId));
    }

    private void send(DeployCommand command) {
        try {
            emitter.sendMessage(addressed(command)).await().atMost(remote ? BROKER_ACK_TIMEOUT : ACK_TIMEOUT);
        } catch (RuntimeException e) {
            throw new CommandNotSentException("the engine's channel refused the command: " + e.getMessage(), e);
        }
    }

    /** Keyed by app; in remote mode, to the topic of the app's pool, made sure to exist. */
    private Message<DeployCommand> addressed(DeployCommand command) {
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> metadata =
                OutgoingKafkaRecordMetadata.<String>builder().withKey(command.app());
        if (remote) {
            String pool = pools.of(command.app());
            topics.ensure(pool);
            metadata.withTopic(Channels.deployRequestsTopic(pool));
        }
        return Message.of(command).addMetadata(metadata.build());
    }
}
