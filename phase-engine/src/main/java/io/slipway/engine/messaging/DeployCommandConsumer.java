package io.slipway.engine.messaging;

import io.slipway.contract.Channels;
import io.slipway.contract.DeployCommand;
import io.slipway.engine.config.EngineConfig;
import io.slipway.engine.config.EngineRole;
import io.slipway.engine.service.DeploymentWorker;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The engine's inbox: hands each command to the worker, which queues rather than runs it here, with the message's
 * acknowledgement. A distributed worker acknowledges a start when it settles it (its claim granted or refused, or
 * cancelled), not on arrival, so a worker that dies with starts queued leaves them to the pool's other workers;
 * every other command, and every start elsewhere, is acknowledged once handed over.
 *
 * <p>An idle engine never runs a command: inside a {@code remote} gateway none arrives, so one that does reached
 * a worker whose environment says {@code SLIPWAY_ENGINE=remote} (the gateway's setting). It is refused, which
 * stops this inbox, so the pool's other workers get its commands.
 */
@ApplicationScoped
public class DeployCommandConsumer {

    private static final Logger LOG = Logger.getLogger(DeployCommandConsumer.class);

    private final DeploymentWorker worker;
    private final boolean idle;

    public DeployCommandConsumer(DeploymentWorker worker, EngineConfig config) {
        this.worker = worker;
        this.idle = EngineRole.of(config) == EngineRole.IDLE;
    }

    @Incoming(Channels.DEPLOY_REQUESTS)
    public CompletionStage<Void> onCommand(Message<DeployCommand> message) {
        if (idle) {
            LOG.error("A deploy command reached an idle engine: SLIPWAY_ENGINE=remote belongs to the gateway, not to a"
                    + " worker; this worker stops reading commands");
            return message.nack(new IllegalStateException("the engine is idle (slipway.engine=remote)"));
        }
        worker.dispatch(message.getPayload(), message::ack);
        return CompletableFuture.completedFuture(null);
    }
}
