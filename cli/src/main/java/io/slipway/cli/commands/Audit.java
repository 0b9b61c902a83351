package io.slipway.cli.commands;

import io.slipway.cli.Session;
import io.slipway.cli.api.AuditEntry;
import io.slipway.cli.output.Table;
import io.slipway.cli.output.Times;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", description = "The audit log, newest first: who changed or was refused what, and when")
public class Audit implements Callable<Integer> {

    @Inject
    Session session;

    @Option(names = "--app", paramLabel = "A", description = "Only entries about this app")
    String app;

    @Option(names = "--actor", paramLabel = "X", description = "Only entries of this token's name")
    String actor;

    @Option(names = "--limit", paramLabel = "N", description = "At most N entries (1 to 500; default: the gateway's)")
    Integer limit;

    @Override
    public Integer call() throws IOException {
        List<AuditEntry> entries = session.api().audit(app, actor, limit);
        if (session.jsonOutput()) {
            session.printRawJson();
            return 0;
        }
        session.out().print(table(entries, session.times()).render(session.style()));
        return 0;
    }

    static Table table(List<AuditEntry> entries, Times times) {
        Table table = new Table("AT", "ACTOR", "ROLE", "ACTION", "APP", "TARGET", "OUTCOME");
        for (AuditEntry entry : entries) {
            table.row(
                    times.format(entry.at()),
                    entry.actor(),
                    entry.role(),
                    entry.action(),
                    entry.app(),
                    entry.target(),
                    entry.status() == null ? entry.outcome() : entry.outcome() + " (" + entry.status() + ")");
        }
        return table;
    }
}
