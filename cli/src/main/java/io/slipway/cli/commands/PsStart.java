package io.slipway.cli.commands;

import java.io.IOException;
import picocli.CommandLine.Command;

@Command(name = "ps:start", description = "Start the app's containers again, as its formation says")
public class PsStart extends ProcessChange {

    @Override
    public Integer call() throws IOException {
        String app = app();
        return queue(api -> api.start(app));
    }
}
