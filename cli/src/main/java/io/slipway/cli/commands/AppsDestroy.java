package io.slipway.cli.commands;

import io.slipway.cli.Session;
import io.slipway.cli.config.UsageProblem;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "apps:destroy",
        description = "Delete an app: its deployments, containers and images. --confirm repeats the name.")
public class AppsDestroy implements Callable<Integer> {

    @Inject
    Session session;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--confirm", paramLabel = "NAME", required = true, description = "The app's name again")
    String confirm;

    @Override
    public Integer call() {
        if (!name.equals(confirm)) {
            throw new UsageProblem("--confirm " + confirm + " does not name the app " + name + ": nothing deleted");
        }
        session.api().destroyApp(name);
        session.out().println("Destroyed " + name);
        return 0;
    }
}
