package io.slipway.cli.commands;

import io.slipway.cli.Session;
import io.slipway.cli.config.StoredLogin;
import io.slipway.cli.config.UsageProblem;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "login",
        description = "Keep the gateway's URL and token in the config file (mode 600). The token is read from a"
                + " prompt that does not echo, or from stdin with --token-stdin; never from an argument.")
public class Login implements Callable<Integer> {

    /** A token is far shorter; a longer line is not one. */
    private static final int MAX_TOKEN_CHARS = 4096;

    @Inject
    Session session;

    @Parameters(paramLabel = "URL", description = "The gateway, e.g. http://127.0.0.1:8080")
    String url;

    @Option(names = "--token-stdin", description = "Read the token from the first line of stdin")
    boolean tokenStdin;

    @Override
    public Integer call() throws IOException {
        String gateway = Session.gatewayUrl(url).toString();
        String token = tokenStdin ? readStdin() : prompt();
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
            throw new UsageProblem("no token given");
        }
        session.configFile().write(new StoredLogin(gateway, token.strip()));
        session.err()
                .println("Logged in to " + gateway + " (" + session.configFile().path() + ")");
        return 0;
    }

    private String prompt() {
        Console console = System.console();
        if (console == null) {
            throw new UsageProblem("no terminal to ask for the token: pipe it with --token-stdin");
        }
        char[] token = console.readPassword("Token: ");
        return token == null ? null : new String(token);
    }

    private static String readStdin() throws IOException {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        char[] buffer = new char[MAX_TOKEN_CHARS + 1];
        int read = stdin.read(buffer);
        return read <= 0
                ? null
                : new String(buffer, 0, read).lines().findFirst().orElse(null);
    }
}
