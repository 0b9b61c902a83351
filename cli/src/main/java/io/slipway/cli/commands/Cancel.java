package io.slipway.cli.commands;

import io.slipway.cli.Session;
import io.slipway.cli.api.Deployment;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "cancel", description = "Cancel a queued or running deployment")
public class Cancel implements Callable<Integer> {

    @Inject
    Session session;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
        Deployment deployment = session.api().cancel(id);
        if (session.jsonOutput()) {
            session.printRawJson();
        } else {
            session.out().println(deployment.id() + " " + deployment.status());
        }
        return 0;
    }
}
