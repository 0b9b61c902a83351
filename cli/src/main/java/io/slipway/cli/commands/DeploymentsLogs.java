package io.slipway.cli.commands;

import io.slipway.cli.Session;
import io.slipway.cli.api.Deployment;
import io.slipway.cli.api.SlipwayApi;
import io.slipway.cli.deploy.DeploymentFollower;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "deployments:logs",
        description = "A deployment's output, phase by phase, followed until it ends; exits 0 only if it succeeded")
public class DeploymentsLogs implements Callable<Integer> {

    private static final long FOLLOW_TIMEOUT_SECONDS = 7 * 24 * 3600;

    @Inject
    Session session;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() throws IOException {
        SlipwayApi api = session.api(FOLLOW_TIMEOUT_SECONDS);
        Deployment ended = new DeploymentFollower(api, session.json(), session.out(), session.style()).follow(id);
        return Deployment.SUCCEEDED.equals(ended.status()) ? 0 : 1;
    }
}
