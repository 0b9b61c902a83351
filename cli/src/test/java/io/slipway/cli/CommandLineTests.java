package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command line holds only the command its arguments name, and every command where they name none. */
class CommandLineTests {

    private static CommandLine commandLine(Slipway top, String... args) {
        return Slipway.commandLine(top, CommandLine.defaultFactory(), args);
    }

    @Test
    void aNamedCommandIsTheOnlyOneMade() {
        assertThat(commandLine(new Slipway(), "version").getSubcommands()).containsOnlyKeys("version");
        assertThat(commandLine(new Slipway(), "--json", "--verbose", "apps:info", "-a", "shop")
                        .getSubcommands())
                .containsOnlyKeys("apps:info");
        assertThat(commandLine(new Slipway(), "run", "-a", "shop", "--", "deploy")
                        .getSubcommands())
                .containsOnlyKeys("run");
    }

    @Test
    void helpCompletionNoCommandAndUnknownNamesGetEveryCommand() {
        int every = Slipway.COMMANDS.size();

        assertThat(commandLine(new Slipway()).getSubcommands()).hasSize(every);
        assertThat(commandLine(new Slipway(), "--help").getSubcommands()).hasSize(every);
        assertThat(commandLine(new Slipway(), "help", "deploy").getSubcommands())
                .hasSize(every);
        assertThat(commandLine(new Slipway(), "completion", "bash").getSubcommands())
                .hasSize(every);
        assertThat(commandLine(new Slipway(), "deplyo").getSubcommands()).hasSize(every);
        assertThat(commandLine(new Slipway(), "--", "version").getSubcommands()).hasSize(every);
    }

    @Test
    void globalOptionsStillReachTheOneCommand() {
        Slipway before = new Slipway();
        commandLine(before, "--json", "apps").parseArgs("--json", "apps");
        Slipway after = new Slipway();
        commandLine(after, "apps", "--verbose").parseArgs("apps", "--verbose");

        assertThat(before.json).isTrue();
        assertThat(after.verbose).isTrue();
    }

    @Test
    void anUnknownCommandStillSuggestsTheNearOnes() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = commandLine(new Slipway(), "deplyo").setErr(new PrintWriter(err, true));

        assertThat(commandLine.execute("deplyo")).isEqualTo(2);
        assertThat(err.toString()).contains("deploy");
    }
}
