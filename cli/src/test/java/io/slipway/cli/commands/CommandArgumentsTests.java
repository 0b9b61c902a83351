package io.slipway.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.cli.Slipway;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Each command's arguments, and the bodies it sends. */
class CommandArgumentsTests {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    private static CommandLine.ParseResult parse(String... args) {
        return new CommandLine(new Slipway()).parseArgs(args).subcommand();
    }

    private static <T> T command(CommandLine.ParseResult parsed, Class<T> type) {
        return type.cast(parsed.commandSpec().userObject());
    }

    private static int exitOf(String... args) {
        CommandLine commandLine = new CommandLine(new Slipway());
        commandLine.setErr(new java.io.PrintWriter(java.io.Writer.nullWriter()));
        return commandLine.execute(args);
    }

    @Test
    void logsFollowsOnlyWithF() {
        Logs followed = command(parse("logs", "-f", "-n", "50", "--type", "web", "-a", "shop"), Logs.class);
        Logs once = command(parse("logs", "-a", "shop"), Logs.class);

        assertThat(followed.follow).isTrue();
        assertThat(followed.tail).isEqualTo(50);
        assertThat(followed.type).isEqualTo("web");
        assertThat(once.follow).isFalse();
        assertThat(once.tail).isNull();
        assertThat(exitOf("logs", "-n", "many")).isEqualTo(2);
    }
}
