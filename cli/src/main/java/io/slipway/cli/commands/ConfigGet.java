package io.slipway.cli.commands;

import io.slipway.cli.config.UsageProblem;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "config:get", description = "One config variable's value")
public class ConfigGet extends AppCommand {

    @Parameters(paramLabel = "KEY")
    String key;

    @Override
    public Integer call() throws IOException {
        String value = session.api().config(app()).get(key);
        if (value == null) {
            throw new UsageProblem(key + " is not set");
        }
        session.out().println(value);
        return 0;
    }
}
