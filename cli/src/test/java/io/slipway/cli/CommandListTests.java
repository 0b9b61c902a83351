package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/cli.md's command list is picocli's help, so the documentation cannot drift from the commands. */
class CommandListTests {

    private static final Path DOC = Path.of("..", "docs", "cli.md");
    private static final String START = "<!-- slipway --help: generated, CommandListTests checks it -->\n```\n";
    private static final String END = "```\n<!-- end of slipway --help -->";

    @Test
    void theDocumentedCommandListIsTheHelp() throws IOException {
        String help = Slipway.commandLine(new Slipway())
                .setUsageHelpWidth(100)
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .getUsageMessage();
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertThat(start).as(DOC + " has the generated block").isNotNegative();
        Files.writeString(Path.of("target", "slipway-help.txt"), help, StandardCharsets.UTF_8);

        assertThat(doc.substring(start + START.length(), end))
                .as("the command list of " + DOC + "; the help as it is now is in cli/target/slipway-help.txt")
                .isEqualTo(help);
    }
}
