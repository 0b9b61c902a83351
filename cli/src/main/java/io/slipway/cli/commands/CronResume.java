package io.slipway.cli.commands;

import java.io.IOException;
import picocli.CommandLine.Command;

@Command(name = "cron:resume", description = "Let a suspended cron entry fire again")
public class CronResume extends CronSuspension {

    @Override
    public Integer call() throws IOException {
        return change(false);
    }
}
