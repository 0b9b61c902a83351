package io.slipway.engine.messaging;

import io.slipway.contract.Channels;
import io.slipway.contract.DeployCommand;
import io.slipway.engine.service.DeploymentWorker;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The engine's inbox: hands each command to the worker, which queues rather than runs it here. A distributed
 * worker acknowledges a start when it settles it (its claim granted or refused, or cancelled), not on arrival,
 * so a worker that dies with starts queued leaves them to the pool's other workers; every other command, and
 * every start elsewhere, is acknowledged once handed over.
 */
@ApplicationScoped
public class DeployCommandConsumer {

    private final DeploymentWorker worker;

    public DeployCommandConsumer(DeploymentWorker worker) {
        this.worker = worker;
    }

    @Incoming(Channels.DEPLOY_REQUESTS)
    public CompletionStage<Void> onCommand(Message<DeployCommand> message) {
        DeployCommand command = message.getPayload();
        if (command instanceof DeployCommand.Start start) {
            worker.submit(start.order(), message::ack);
            return CompletableFuture.completedFuture(null);
        }
        if (command instanceof DeployCommand.Cancel cancel) {
            worker.cancel(cancel.deploymentId());
        } else if (command instanceof DeployCommand.DeleteApp delete) {
            worker.deleteApp(delete.app());
        } else if (command instanceof DeployCommand.RemoveImages remove) {
            worker.removeImages(remove.app(), remove.images());
        } else if (command instanceof DeployCommand.Recover recover) {
            worker.recover(recover.app(), recover.deploymentId(), recover.lastSeq());
        } else if (command instanceof DeployCommand.CleanUp cleanUp) {
            worker.cleanUp(cleanUp.app(), cleanUp.deploymentId());
        }
        return message.ack();
    }
}
