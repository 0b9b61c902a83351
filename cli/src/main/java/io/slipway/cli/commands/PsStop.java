package io.slipway.cli.commands;

import java.io.IOException;
import picocli.CommandLine.Command;

@Command(name = "ps:stop", description = "Stop all the app's containers; its formation is kept for ps:start")
public class PsStop extends ProcessChange {

    @Override
    public Integer call() throws IOException {
        String app = app();
        return queue(api -> api.stop(app));
    }
}
