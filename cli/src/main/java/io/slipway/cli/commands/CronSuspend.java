package io.slipway.cli.commands;

import java.io.IOException;
import picocli.CommandLine.Command;

@Command(name = "cron:suspend", description = "Stop a cron entry's firings until cron:resume")
public class CronSuspend extends CronSuspension {

    @Override
    public Integer call() throws IOException {
        return change(true);
    }
}
