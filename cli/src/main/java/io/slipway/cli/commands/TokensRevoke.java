package io.slipway.cli.commands;

import io.slipway.cli.Session;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "tokens:revoke", description = "Revoke a token at once, on every gateway")
public class TokensRevoke implements Callable<Integer> {

    @Inject
    Session session;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
        session.api().revokeToken(id);
        session.out().println("Revoked token " + id);
        return 0;
    }
}
