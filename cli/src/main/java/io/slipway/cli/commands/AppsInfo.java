package io.slipway.cli.commands;

import io.slipway.cli.api.App;
import io.slipway.cli.output.Table;
import java.io.IOException;
import picocli.CommandLine.Command;

@Command(name = "apps:info", description = "One app: its current release, state and process containers")
public class AppsInfo extends AppCommand {

    @Override
    public Integer call() throws IOException {
        App app = session.api().app(app());
        if (session.jsonOutput()) {
            session.printRawJson();
            return 0;
        }
        Table facts = new Table("", "")
                .row("name", app.name())
                .row("state", app.state())
                .row("pool", app.pool())
                .row("url", app.url())
                .row("created", session.times().format(app.createdAt()));
        if (app.currentRelease() != null) {
            facts.row("release", app.currentRelease().deploymentId())
                    .row("image", app.currentRelease().image())
                    .row("deployed", session.times().format(app.currentRelease().deployedAt()));
        }
        if (app.latestDeployment() != null) {
            facts.row(
                    "latest",
                    app.latestDeployment().id() + " "
                            + session.style().status(app.latestDeployment().status()));
        }
        session.out().print(facts.render(session.style()));
        return 0;
    }
}
