package io.slipway.cli;

import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/** The command line with Slipway's error handling and its global options applied before any command runs. */
@ApplicationScoped
class CommandLineSetup {

    @Produces
    CommandLine commandLine(CommandLine.IFactory factory, @CommandLineArguments String[] args, Session session) {
        CommandLine commandLine = Slipway.commandLine(Slipway.class, factory, args);
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
