package io.slipway.cli.commands;

import io.slipway.cli.api.CronEntry;
import io.slipway.cli.output.Table;
import io.slipway.cli.output.Times;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "cron", description = "The app's cron entries (its release's app.json), with their next and last runs")
public class Cron extends AppCommand {

    @Override
    public Integer call() throws IOException {
        List<CronEntry> entries = session.api().cronEntries(app());
        if (session.jsonOutput()) {
            session.printRawJson();
            return 0;
        }
        session.out().print(table(entries, session.times()).render(session.style()));
        return 0;
    }

    static Table table(List<CronEntry> entries, Times times) {
        Table table = new Table("ID", "SCHEDULE", "POLICY", "STATE", "NEXT RUN", "LAST RUN", "COMMAND");
        for (CronEntry entry : entries) {
            table.row(
                    entry.id(),
                    entry.schedule(),
                    entry.concurrencyPolicy(),
                    entry.suspended() ? "suspended" : "active",
                    times.format(entry.nextRunAt()),
                    entry.lastRun() == null
                            ? ""
                            : entry.lastRun().status() + " " + entry.lastRun().id(),
                    entry.command());
        }
        return table;
    }
}
