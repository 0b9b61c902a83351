package io.slipway.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What config:set and config:unset share: the merge patch goes in the request's body (values never in a URL or a
 * log), and {@code --no-restart} only stores it ({@code ?deploy=false}) where a config change would make a release.
 */
abstract class ConfigChange extends AppCommand {

    @Option(names = "--no-restart", description = "Only store the change; the next deployment applies it")
    boolean noRestart;

    protected Integer apply(Map<String, String> changes, String done) throws IOException {
        JsonNode answer = session.api().changeConfig(app(), noRestart ? Boolean.FALSE : null, changes);
        if (session.jsonOutput()) {
            session.printRawJson();
            return 0;
        }
        session.out().println(done);
        JsonNode deployment = answer.path("deployment");
        if (deployment.hasNonNull("id")) {
            session.out()
                    .println("Releasing: deployment " + deployment.get("id").asText() + " (slipway deployments:logs "
                            + deployment.get("id").asText() + ")");
        }
        return 0;
    }
}
