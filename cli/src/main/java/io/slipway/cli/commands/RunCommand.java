package io.slipway.cli.commands;

import io.slipway.cli.api.Requests;
import io.slipway.cli.api.Run;
import io.slipway.cli.api.SlipwayApi;
import io.slipway.cli.config.UsageProblem;
import io.slipway.cli.streams.RunFollower;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "run",
        description = "Run COMMAND once in the app's current release and print its output; exits with the"
                + " command's exit code")
public class RunCommand extends AppCommand {

    /** Followed as long as a run may last. */
    private static final long FOLLOW_TIMEOUT_SECONDS = 7 * 24 * 3600;

    @Option(names = "--timeout", paramLabel = "S", description = "Stop the command after S seconds")
    Long timeoutSeconds;

    @Option(
            names = {"-e", "--env"},
            paramLabel = "K=V",
            description = "A variable for this run only, over the app's config (never printed)")
    List<String> env;

    @Option(
            names = {"-i", "--interactive"},
            description = "A console: attach this terminal to the command (raw mode, resized with the window)")
    boolean interactive;

    @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "The command and its arguments, after --")
    List<String> command;

    @Override
    public Integer call() throws IOException {
        SlipwayApi api = session.api(FOLLOW_TIMEOUT_SECONDS);
        if (interactive) {
            Run started = api.startRun(
                    app(), new Requests.NewRun(String.join(" ", command), timeoutSeconds, variables(), true));
            return new Console(session).attach(started.id());
        }
        Run started = api.startRun(app(), new Requests.NewRun(String.join(" ", command), timeoutSeconds, variables()));
        Run ended = new RunFollower(session.json(), session.out(), session.err())
                .follow(api.runLogs(started.id()).subscribe().asIterable(), () -> api.run(started.id()));
        RunFollower.failure(ended).ifPresent(session.err()::println);
        return RunFollower.exitCode(ended);
    }

    /** Checked here so that a typo is named before anything starts; the values are never echoed. */
    Map<String, String> variables() {
        if (env == null) {
            return null;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (String assignment : env) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new UsageProblem("-e takes KEY=VALUE; one has no KEY= (it is not shown: it may be a secret)");
            }
            variables.put(assignment.substring(0, equals), assignment.substring(equals + 1));
        }
        return variables;
    }
}
