package io.slipway.cli.commands;

import io.slipway.cli.Session;
import io.slipway.cli.api.SlipwayApi;
import io.slipway.cli.streams.AppLogPrinter;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "logs",
        description = "The app's process output, each line as web.1 | line; with -f, followed live across releases")
public class Logs extends AppCommand {

    /** Followed as long as the operator watches. */
    private static final long FOLLOW_TIMEOUT_SECONDS = 7 * 24 * 3600;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing new lines until Ctrl-C")
    boolean follow;

    @Option(
            names = {"-n", "--num"},
            paramLabel = "N",
            description = "The last N lines of each process first (0 to 10000; default: the gateway's)")
    Integer tail;

    @Option(names = "--type", paramLabel = "T", description = "Only the processes of this type, e.g. web")
    String type;

    @Override
    public Integer call() throws IOException {
        SlipwayApi api = session.api(follow ? FOLLOW_TIMEOUT_SECONDS : Session.READ_TIMEOUT_SECONDS);
        // Always sent: the gateway follows unless told not to.
        new AppLogPrinter(session.json(), session.out(), session.err(), session.jsonOutput())
                .print(api.appLogs(app(), tail, follow, type).subscribe().asIterable());
        return 0;
    }
}
