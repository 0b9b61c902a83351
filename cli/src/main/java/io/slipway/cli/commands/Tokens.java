package io.slipway.cli.commands;

import io.slipway.cli.Session;
import io.slipway.cli.api.Token;
import io.slipway.cli.output.Table;
import io.slipway.cli.output.Times;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "tokens", description = "The gateway's API tokens (never their values)")
public class Tokens implements Callable<Integer> {

    @Inject
    Session session;

    @Override
    public Integer call() throws IOException {
        List<Token> tokens = session.api().tokens();
        if (session.jsonOutput()) {
            session.printRawJson();
            return 0;
        }
        session.out().print(table(tokens, session.times()).render(session.style()));
        return 0;
    }

    static Table table(List<Token> tokens, Times times) {
        Table table = new Table("ID", "NAME", "ROLE", "APPS", "CREATED", "EXPIRES", "REVOKED");
        for (Token token : tokens) {
            table.row(
                    token.id(),
                    token.name(),
                    token.role(),
                    token.apps() == null ? "all" : String.join(",", token.apps()),
                    times.format(token.createdAt()),
                    times.format(token.expiresAt()),
                    times.format(token.revokedAt()));
        }
        return table;
    }
}
