package io.slipway.cli.commands;

import io.slipway.cli.api.Deployment;
import io.slipway.cli.output.Table;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
        name = "releases",
        description = "The app's releases (its successful deployments), newest first: what rollback can return to")
public class Releases extends AppCommand {

    @Override
    public Integer call() throws IOException {
        List<Deployment> releases = session.api().deployments(app()).stream()
                .filter(deployment -> Deployment.SUCCEEDED.equals(deployment.status()))
                .toList();
        if (session.jsonOutput()) {
            session.out().println(session.json().writeValueAsString(releases));
            return 0;
        }
        Table table = new Table("ID", "KIND", "IMAGE", "RELEASE IMAGE", "DEPLOYED");
        for (Deployment release : releases) {
            table.row(
                    release.id(),
                    release.kind(),
                    release.image(),
                    release.releaseImage(),
                    session.times().format(release.finishedAt()));
        }
        session.out().print(table.render(session.style()));
        return 0;
    }
}
