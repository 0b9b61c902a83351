package io.slipway.cli.commands;

import io.slipway.cli.api.CronEntry;
import io.slipway.cli.api.Requests;
import java.io.IOException;
import picocli.CommandLine.Parameters;

/** {@code cron:suspend} and {@code cron:resume}: the one change they make, the other way round. */
abstract class CronSuspension extends AppCommand {

    @Parameters(paramLabel = "ID", description = "The entry's id, as cron lists it")
    String id;

    protected Integer change(boolean suspended) throws IOException {
        CronEntry entry = session.api().changeCronEntry(app(), id, new Requests.CronChange(suspended));
        if (session.jsonOutput()) {
            session.printRawJson();
            return 0;
        }
        session.out().println((entry.suspended() ? "Suspended" : "Resumed") + " cron entry " + entry.id());
        return 0;
    }
}
