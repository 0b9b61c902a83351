package io.slipway.cli.commands;

import io.slipway.cli.Session;
import io.slipway.cli.api.App;
import io.slipway.cli.output.Table;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "apps", description = "The apps, newest first, with their current release and latest deployment")
public class Apps implements Callable<Integer> {

    @Inject
    Session session;

    @Override
    public Integer call() {
        List<App> apps = session.api().apps();
        if (session.jsonOutput()) {
            session.printRawJson();
            return 0;
        }
        Table table = new Table("NAME", "STATE", "RELEASE", "LATEST", "CREATED");
        for (App app : apps) {
            table.row(
                    app.name(),
                    app.state(),
                    app.currentRelease() == null ? "" : app.currentRelease().image(),
                    app.latestDeployment() == null
                            ? ""
                            : session.style().status(app.latestDeployment().status()),
                    session.times().format(app.createdAt()));
        }
        session.out().print(table.render(session.style()));
        return 0;
    }
}
