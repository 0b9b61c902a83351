package io.slipway.cli.commands;

import io.slipway.cli.api.Deployment;
import io.slipway.cli.api.SlipwayApi;
import io.slipway.cli.deploy.DeploymentFollower;
import io.slipway.cli.deploy.Interrupts;
import java.io.IOException;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * A change of the app's processes that the gateway queues as a deployment of its own (restart, stop, start): its id,
 * then, unless {@code --detach}, the deployment followed as {@code deploy} follows one.
 */
abstract class ProcessChange extends AppCommand {

    /** Followed as long as any task may run. */
    private static final long FOLLOW_TIMEOUT_SECONDS = 7 * 24 * 3600;

    @Option(names = "--detach", description = "Print the deployment's id once queued, without following it")
    boolean detach;

    Integer queue(Function<SlipwayApi, Deployment> change) throws IOException {
        SlipwayApi api = session.api(FOLLOW_TIMEOUT_SECONDS);
        Deployment queued = change.apply(api);
        if (session.jsonOutput()) {
            session.printRawJson();
            return 0;
        }
        session.out().println(queued.id());
        if (detach) {
            return 0;
        }
        Interrupts.askOnCtrlC(queued.id(), () -> api.cancel(queued.id()), session.err());
        Deployment ended =
                new DeploymentFollower(api, session.json(), session.out(), session.style()).follow(queued.id());
        return Deployment.SUCCEEDED.equals(ended.status()) ? 0 : 1;
    }
}
