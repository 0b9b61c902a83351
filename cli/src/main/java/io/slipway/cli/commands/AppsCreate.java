package io.slipway.cli.commands;

import io.slipway.cli.Session;
import io.slipway.cli.api.App;
import io.slipway.cli.api.Requests;
import io.slipway.cli.config.LinkFile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apps:create", description = "Create an app and link this directory to it (a .slipway file)")
public class AppsCreate implements Callable<Integer> {

    @Inject
    Session session;

    @Parameters(paramLabel = "NAME", description = "A DNS label: lower-case letters, digits and -")
    String name;

    @Option(names = "--pool", paramLabel = "P", description = "The pool of engine workers (default: the gateway's)")
    String pool;

    @Override
    public Integer call() throws IOException {
        App app = session.api().createApp(new Requests.CreateApp(name, pool));
        LinkFile.write(session.workingDirectory(), app.name());
        if (session.jsonOutput()) {
            session.printRawJson();
        } else {
            session.out().println("Created " + app.name() + (app.url() == null ? "" : " (" + app.url() + ")"));
        }
        return 0;
    }
}
