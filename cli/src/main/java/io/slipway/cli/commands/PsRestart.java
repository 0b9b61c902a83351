package io.slipway.cli.commands;

import io.slipway.cli.api.Requests;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "ps:restart",
        description = "Replace the app's containers (of TYPE only, if given) with new ones of the same release")
public class PsRestart extends ProcessChange {

    @Parameters(paramLabel = "TYPE", arity = "0..1", description = "A process type, e.g. web (default: all)")
    String type;

    @Override
    public Integer call() throws IOException {
        String app = app();
        return queue(api -> api.restart(app, new Requests.Restart(type)));
    }
}
