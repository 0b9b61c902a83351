package io.slipway.cli.commands;

import io.slipway.cli.Session;
import io.slipway.cli.config.Credentials;
import io.slipway.cli.streams.ConsoleAttach;
import java.io.IOException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * {@code run -i}: this terminal attached to an interactive run's console. At a terminal it is put in raw mode (every
 * key, Ctrl-C included, goes to the console, and the console's TTY echoes) and its size follows the window; piped
 * input is typed as it comes. The terminal is restored however the console ends.
 */
final class Console {

    private final Session session;

    Console(Session session) {
        this.session = session;
    }

    /** @return the command's exit code when it exited by itself, else 1 */
    int attach(String runId) throws IOException {
        Credentials login = session.credentials();
        ConsoleAttach console = new ConsoleAttach(session.json(), session.out());
        if (!session.terminal()) {
            console.connect(login.url(), login.token(), runId);
            console.typeFrom(System.in);
            return console.awaitEnd();
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            Attributes saved = terminal.enterRawMode();
            try {
                // JLine's raw mode keeps the signal keys: Ctrl-C, Ctrl-Z and Ctrl-\ would stop this CLI instead
                // of reaching the console's TTY, which turns them into its own signals.
                Attributes raw = terminal.getAttributes();
                raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
                terminal.setAttributes(raw);
                console.connect(login.url(), login.token(), runId);
                terminal.handle(Terminal.Signal.WINCH, signal -> resize(console, terminal.getSize()));
                resize(console, terminal.getSize());
                console.typeFrom(terminal.input());
                return console.awaitEnd();
            } finally {
                terminal.setAttributes(saved);
            }
        }
    }

    private static void resize(ConsoleAttach console, Size size) {
        console.resize(size.getColumns(), size.getRows());
    }
}
