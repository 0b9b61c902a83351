package io.slipway.cli.commands;

import io.slipway.cli.api.Deployment;
import io.slipway.cli.api.Requests;
import io.slipway.cli.api.SlipwayApi;
import io.slipway.cli.config.UsageProblem;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "rollback",
        description = "Run an earlier release again: the release ID, else the one before the current release")
public class Rollback extends AppCommand {

    @Parameters(paramLabel = "ID", arity = "0..1", description = "A successful deployment of the app")
    String release;

    @Override
    public Integer call() throws IOException {
        SlipwayApi api = session.api();
        String app = app();
        String target = release != null ? release : previousRelease(api, app);
        Deployment rollback = api.rollback(app, new Requests.Rollback(target));
        if (session.jsonOutput()) {
            session.printRawJson();
        } else {
            session.out().println("Rolling back to " + target + ": deployment " + rollback.id());
        }
        return 0;
    }

    private static String previousRelease(SlipwayApi api, String app) {
        return api.deployments(app).stream()
                .filter(deployment -> Deployment.SUCCEEDED.equals(deployment.status()))
                .skip(1)
                .findFirst()
                .map(Deployment::id)
                .orElseThrow(() -> new UsageProblem(app + " has no release before its current one"));
    }
}
