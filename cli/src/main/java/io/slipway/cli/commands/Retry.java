package io.slipway.cli.commands;

import io.slipway.cli.Session;
import io.slipway.cli.api.Deployment;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "retry",
        description = "Retry a failed or cancelled deployment (same image and manifests, nothing rebuilt)")
public class Retry implements Callable<Integer> {

    @Inject
    Session session;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
        Deployment deployment = session.api().retry(id);
        if (session.jsonOutput()) {
            session.printRawJson();
        } else {
            session.out().println(deployment.id() + " " + deployment.status());
        }
        return 0;
    }
}
