package io.slipway.cli.commands;

import io.slipway.cli.Session;
import io.slipway.cli.config.LinkFile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "link", description = "Make NAME the app of this directory and those below it (a .slipway file)")
public class Link implements Callable<Integer> {

    @Inject
    Session session;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() throws IOException {
        // The app must exist: a typo would otherwise surface only at the next command.
        session.api().app(name);
        LinkFile.write(session.workingDirectory(), name);
        session.out().println("Linked " + session.workingDirectory() + " to " + name);
        return 0;
    }
}
