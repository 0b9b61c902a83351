package io.slipway.cli.commands;

import io.slipway.cli.api.App;
import io.slipway.cli.output.Table;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "ps", description = "The app's process containers and their state")
public class Ps extends AppCommand {

    @Override
    public Integer call() throws IOException {
        App app = session.api().app(app());
        if (session.jsonOutput()) {
            session.out().println(session.json().writeValueAsString(app.processes()));
            return 0;
        }
        Table table = new Table("TYPE", "NAME", "STATE", "CONTAINER");
        for (App.ProcessContainer process :
                app.processes() == null ? List.<App.ProcessContainer>of() : app.processes()) {
            table.row(process.type(), process.name(), process.state(), shortId(process.containerId()));
        }
        session.out().print(table.render(session.style()));
        return 0;
    }

    private static String shortId(String containerId) {
        return containerId == null || containerId.length() <= 12 ? containerId : containerId.substring(0, 12);
    }
}
