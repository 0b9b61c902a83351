package io.slipway.cli.commands;

import io.slipway.cli.Session;
import io.slipway.cli.config.LinkFile;
import io.slipway.cli.config.UsageProblem;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** A command about one app: {@code --app/-a}, else the {@code .slipway} file of this directory or a parent. */
public abstract class AppCommand implements Callable<Integer> {

    @Inject
    Session session;

    @Option(
            names = {"-a", "--app"},
            paramLabel = "NAME",
            description = "The app (default: the one a .slipway file here or in a parent names)")
    String app;

    protected String app() throws IOException {
        if (app != null) {
            return app;
        }
        return LinkFile.find(session.workingDirectory())
                .orElseThrow(() ->
                        new UsageProblem("no app: give --app NAME, or run slipway link NAME in the app's directory"));
    }
}
