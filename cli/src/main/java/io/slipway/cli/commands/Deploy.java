package io.slipway.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.cli.api.Deployment;
import io.slipway.cli.api.Requests;
import io.slipway.cli.api.SlipwayApi;
import io.slipway.cli.config.UsageProblem;
import io.slipway.cli.deploy.ContextUpload;
import io.slipway.cli.deploy.DeploymentFollower;
import io.slipway.cli.deploy.Interrupts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "deploy",
        description = "Build DIR (its Dockerfile, honouring .dockerignore) or deploy --image, then follow the"
                + " deployment live. Exits 0 only when it succeeds.")
public class Deploy extends AppCommand {

    /** Followed as long as any task may run. */
    private static final long FOLLOW_TIMEOUT_SECONDS = 7 * 24 * 3600;

    @Parameters(paramLabel = "DIR", defaultValue = ".", description = "The build context (default: this directory)")
    Path dir;

    @Option(names = "--image", paramLabel = "REF", description = "Deploy this image instead of building DIR")
    String image;

    @Option(names = "--timeout", paramLabel = "S", description = "Each task's timeout in seconds (1 to 86400)")
    Long timeoutSeconds;

    @Option(names = "--dry-run", description = "Print the plan; nothing is built, stored or started")
    boolean dryRun;

    @Option(names = "--detach", description = "Print the deployment's id once queued, without following it")
    boolean detach;

    @Override
    public Integer call() throws IOException {
        SlipwayApi api = session.api(FOLLOW_TIMEOUT_SECONDS);
        JsonNode answer = image != null
                ? api.deployImage(app(), new Requests.DeployImage(image, timeoutSeconds, dryRun ? true : null))
                : upload(api);
        if (dryRun || session.jsonOutput()) {
            session.out()
                    .println(session.json().writerWithDefaultPrettyPrinter().writeValueAsString(answer));
            return 0;
        }
        Deployment queued = session.json().treeToValue(answer, Deployment.class);
        if (detach) {
            session.out().println(queued.id());
            return 0;
        }
        Interrupts.askOnCtrlC(queued.id(), () -> api.cancel(queued.id()), session.err());
        Deployment ended =
                new DeploymentFollower(api, session.json(), session.out(), session.style()).follow(queued.id());
        return Deployment.SUCCEEDED.equals(ended.status()) ? 0 : 1;
    }

    private JsonNode upload(SlipwayApi api) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UsageProblem("not a directory: " + dir);
        }
        if (!Files.isRegularFile(dir.resolve("Dockerfile"))) {
            throw new UsageProblem("no Dockerfile in " + dir + ": the gateway builds the directory with it");
        }
        return new ContextUpload(api, session.err(), session.terminal()).send(app(), dir, timeoutSeconds, dryRun);
    }
}
