package io.slipway.cli.commands;

import io.slipway.cli.Session;
import io.slipway.cli.api.Requests;
import io.slipway.cli.api.Token;
import io.slipway.cli.config.UsageProblem;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "tokens:create",
        description = "A new API token; its value is printed once, alone on stdout, and cannot be shown again")
public class TokensCreate implements Callable<Integer> {

    @Inject
    Session session;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--role", paramLabel = "R", required = true, description = "viewer, deployer or admin")
    String role;

    @Option(names = "--app", paramLabel = "A", description = "Only this app (repeatable; default: all apps)")
    List<String> apps;

    @Option(
            names = "--expires-at",
            paramLabel = "ISO",
            description = "When it stops working, e.g. 2027-01-31T00:00:00Z (default: never)")
    String expiresAt;

    @Override
    public Integer call() throws IOException {
        Token created = session.api().createToken(new Requests.NewToken(name, role, apps, expiry()));
        if (session.jsonOutput()) {
            session.printRawJson();
            return 0;
        }
        session.err()
                .println("Created token " + created.id() + " (" + created.name() + ", " + created.role()
                        + "); its value, shown only now:");
        session.out().println(created.token());
        return 0;
    }

    Instant expiry() {
        if (expiresAt == null) {
            return null;
        }
        try {
            return Instant.parse(expiresAt);
        } catch (DateTimeParseException e) {
            throw new UsageProblem("--expires-at: not an ISO-8601 time like 2027-01-31T00:00:00Z: " + expiresAt);
        }
    }
}
