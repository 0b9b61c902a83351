package io.slipway.cli.commands;

import io.slipway.cli.api.App;
import io.slipway.cli.api.Limits;
import io.slipway.cli.output.Table;
import java.io.IOException;
import picocli.CommandLine.Command;

@Command(name = "limits", description = "The app's memory and CPU limits: its tasks' and each process type's")
public class LimitsShow extends AppCommand {

    @Override
    public Integer call() throws IOException {
        App app = session.api().app(app());
        if (session.jsonOutput()) {
            session.out().println(session.json().writeValueAsString(app.limits()));
            return 0;
        }
        Table table = new Table("FOR", "MEMORY", "CPUS");
        Limits limits = app.limits();
        if (limits != null && limits.task() != null) {
            table.row("tasks", limits.task().memory(), limits.task().cpus());
        }
        if (limits != null && limits.processes() != null) {
            limits.processes().forEach((type, each) -> table.row(type, each.memory(), each.cpus()));
        }
        session.out().print(table.render(session.style()));
        return 0;
    }
}
