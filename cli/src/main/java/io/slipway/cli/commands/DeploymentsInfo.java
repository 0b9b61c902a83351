package io.slipway.cli.commands;

import io.slipway.cli.Session;
import io.slipway.cli.api.Deployment;
import io.slipway.cli.output.Table;
import io.slipway.cli.output.Times;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "deployments:info", description = "One deployment with its phases")
public class DeploymentsInfo implements Callable<Integer> {

    @Inject
    Session session;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
        Deployment deployment = session.api().deployment(id);
        if (session.jsonOutput()) {
            session.printRawJson();
            return 0;
        }
        session.out()
                .print(new Table("", "")
                        .row("id", deployment.id())
                        .row("app", deployment.app())
                        .row("kind", deployment.kind())
                        .row("status", session.style().status(deployment.status()))
                        .row("image", deployment.image())
                        .row("release image", deployment.releaseImage())
                        .row("created", session.times().format(deployment.createdAt()))
                        .row("reason", deployment.reason())
                        .render(session.style()));
        Table phases = new Table("PHASE", "STATUS", "DURATION", "EXIT", "REASON");
        for (Deployment.Phase phase :
                deployment.phases() == null ? java.util.List.<Deployment.Phase>of() : deployment.phases()) {
            phases.row(
                    phase.phase(),
                    session.style().status(phase.status()),
                    Times.duration(phase.startedAt(), phase.finishedAt()),
                    phase.exitCode(),
                    phase.reason());
        }
        session.out().println();
        session.out().print(phases.render(session.style()));
        return 0;
    }
}
