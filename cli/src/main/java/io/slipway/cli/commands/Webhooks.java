package io.slipway.cli.commands;

import io.slipway.cli.api.Webhook;
import io.slipway.cli.output.Table;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "webhooks", description = "The app's webhooks (never their secrets)")
public class Webhooks extends AppCommand {

    @Override
    public Integer call() throws IOException {
        List<Webhook> webhooks = session.api().webhooks(app());
        if (session.jsonOutput()) {
            session.printRawJson();
            return 0;
        }
        Table table = new Table("ID", "URL", "EVENTS");
        for (Webhook webhook : webhooks) {
            table.row(
                    webhook.id(), webhook.url(), webhook.events() == null ? "all" : String.join(",", webhook.events()));
        }
        session.out().print(table.render(session.style()));
        return 0;
    }
}
