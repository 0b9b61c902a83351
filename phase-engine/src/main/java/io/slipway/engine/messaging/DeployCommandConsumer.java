package io.slipway.engine.messaging;

import io.slipway.contract.Channels;
import io.slipway.contract.DeployCommand;
import io.slipway.engine.service.DeploymentWorker;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The engine's inbox: hands each command to the worker, which queues rather than runs it here. */
@ApplicationScoped
public class DeployCommandConsumer {

    private final DeploymentWorker worker;

    public DeployCommandConsumer(DeploymentWorker worker) {
        this.worker = worker;
    }

    @Incoming(Channels.DEPLOY_REQUESTS)
    public void onCommand(DeployCommand command) {
        if (command instanceof DeployCommand.Start start) {
            worker.submit(start.order());
        } else if (command instanceof DeployCommand.Cancel cancel) {
            worker.cancel(cancel.deploymentId());
        } else if (command instanceof DeployCommand.DeleteApp delete) {
            worker.deleteApp(delete.app());
        } else if (command instanceof DeployCommand.RemoveImages remove) {
            worker.removeImages(remove.app(), remove.images());
        } else if (command instanceof DeployCommand.Recover recover) {
            worker.recover(recover.app(), recover.deploymentId(), recover.lastSeq());
        }
    }
}
