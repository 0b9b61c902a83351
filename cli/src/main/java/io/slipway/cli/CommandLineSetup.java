package io.slipway.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/** The command line with Slipway's error handling and its global options applied before any command runs. */
@ApplicationScoped
class CommandLineSetup {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory, Session session) {
        CommandLine commandLine = factory.create();
        Errors errors = new Errors(session);
        Slipway root = commandLine.getCommand();
        return commandLine
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setExecutionStrategy(parsed -> {
                    session.setGlobalOptions(root.verbose, root.json);
                    return new CommandLine.RunLast().execute(parsed);
                });
    }
}
