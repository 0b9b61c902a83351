package io.slipway.cli.commands;

import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "webhooks:remove", description = "Remove a webhook")
public class WebhooksRemove extends AppCommand {

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() throws IOException {
        session.api().removeWebhook(app(), id);
        session.out().println("Removed webhook " + id);
        return 0;
    }
}
