package io.slipway.cli.commands;

import io.slipway.cli.Session;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import picocli.CommandLine.Command;

@Command(name = "version", description = "The CLI's version")
public class Version implements Callable<Integer> {

    @Inject
    Session session;

    @ConfigProperty(name = "quarkus.application.version")
    String version;

    @Override
    public Integer call() {
        session.out().println("slipway " + version);
        return 0;
    }
}
