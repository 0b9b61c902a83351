package io.slipway.cli;

import io.slipway.cli.api.ApiException;
import io.slipway.cli.config.UsageProblem;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import picocli.CommandLine;

/** Every failure of a command as one line on stderr, exit 1; every usage error as one line, exit 2. */
final class Errors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    static final int FAILED = 1;

    private final Session session;

    Errors(Session session) {
        this.session = session;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, CommandLine.ParseResult parseResult) {
        command.getErr().println("error: " + describe(failure));
        return FAILED;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException invalid, String[] args) {
        CommandLine command = invalid.getCommandLine();
        String help = command.getParent() == null ? "slipway --help" : "slipway help " + command.getCommandName();
        command.getErr().println("usage error: " + firstLine(invalid.getMessage()) + " (see " + help + ")");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    String describe(Throwable failure) {
        if (failure instanceof ApiException || failure instanceof UsageProblem) {
            return failure.getMessage();
        }
        Throwable cause = rootCause(failure);
        if (cause instanceof ConnectException
                || cause instanceof UnknownHostException
                || cause instanceof UnresolvedAddressException
                || (failure instanceof ProcessingException && cause instanceof IOException)) {
            return "cannot reach the gateway at " + gatewayUrl() + " ("
                    + cause.getClass().getSimpleName() + ": "
                    + firstLine(cause.getMessage())
                    + "): check that it runs and that the URL is right (slipway login URL, or SLIPWAY_URL)";
        }
        if (failure instanceof UncheckedIOException || failure instanceof IOException) {
            return firstLine(cause.getMessage());
        }
        return failure.getClass().getSimpleName() + ": " + firstLine(failure.getMessage());
    }

    private String gatewayUrl() {
        try {
            return session.credentials().url().toString();
        } catch (RuntimeException unknown) {
            return "the configured URL";
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
