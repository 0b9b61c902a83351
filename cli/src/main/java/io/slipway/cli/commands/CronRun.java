package io.slipway.cli.commands;

import io.slipway.cli.api.Run;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "cron:run",
        description = "Run a cron entry now, whatever its schedule and suspension; prints the run's id")
public class CronRun extends AppCommand {

    @Parameters(paramLabel = "ID", description = "The entry's id, as cron lists it")
    String id;

    @Override
    public Integer call() throws IOException {
        Run run = session.api().runCronEntry(app(), id);
        if (session.jsonOutput()) {
            session.printRawJson();
            return 0;
        }
        session.out().println(run.id());
        return 0;
    }
}
