package io.slipway.cli.commands;

import io.slipway.cli.api.Deployment;
import io.slipway.cli.output.Table;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "deployments", description = "The app's deployments, newest first")
public class Deployments extends AppCommand {

    @Override
    public Integer call() throws IOException {
        List<Deployment> deployments = session.api().deployments(app());
        if (session.jsonOutput()) {
            session.printRawJson();
            return 0;
        }
        Table table = new Table("ID", "KIND", "STATUS", "IMAGE", "CREATED", "REASON");
        for (Deployment deployment : deployments) {
            table.row(
                    deployment.id(),
                    deployment.kind(),
                    session.style().status(deployment.status()),
                    deployment.image(),
                    session.times().format(deployment.createdAt()),
                    deployment.reason());
        }
        session.out().print(table.render(session.style()));
        return 0;
    }
}
