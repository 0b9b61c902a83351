package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.cli.api.ApiException;
import io.slipway.cli.api.Problem;
import jakarta.ws.rs.ProcessingException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ArgumentParsingTests {

    private final StringWriter err = new StringWriter();
    private final Errors errors = new Errors(new Session(ObjectMapper::new));

    private CommandLine commandLine() {
        return Slipway.commandLine(new Slipway())
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }

    @Test
    void deployTakesItsDirectoryAndOptionsInAnyOrder() {
        CommandLine.ParseResult parsed = commandLine()
                .parseArgs("deploy", "--timeout", "30", "./web", "-a", "shop", "--dry-run", "--image", "shop:1");
        CommandLine.ParseResult deploy = parsed.subcommand();

        assertThat(deploy.commandSpec().name()).isEqualTo("deploy");
        assertThat(deploy.matchedPositionalValue(0, (Object) null).toString()).isEqualTo("./web");
        assertThat((Long) deploy.matchedOptionValue("--timeout", 0L)).isEqualTo(30L);
        assertThat((String) deploy.matchedOptionValue("-a", null)).isEqualTo("shop");
        assertThat(deploy.hasMatchedOption("--dry-run")).isTrue();
        assertThat((String) deploy.matchedOptionValue("--image", null)).isEqualTo("shop:1");
    }

    @Test
    void globalOptionsWorkBeforeOrAfterTheCommand() {
        Slipway before = new Slipway();
        Slipway.commandLine(before).parseArgs("--json", "apps");
        Slipway after = new Slipway();
        Slipway.commandLine(after).parseArgs("apps", "--json", "--verbose");

        assertThat(before.json).isTrue();
        assertThat(after.json).isTrue();
        assertThat(after.verbose).isTrue();
    }

    @Test
    void configSetTakesManyAssignmentsAndNoRestart() {
        CommandLine.ParseResult set = commandLine()
                .parseArgs("config:set", "A=1", "B=x=y", "--no-restart")
                .subcommand();

        assertThat(set.matchedPositionalValue(0, List.of())).isEqualTo(List.of("A=1", "B=x=y"));
        assertThat(set.hasMatchedOption("--no-restart")).isTrue();
    }

    @Test
    void aUsageErrorIsOneLineAndExitTwo() {
        int exit = commandLine().execute("apps:destroy", "shop");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains("--confirm").contains("slipway help apps:destroy");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(commandLine().execute("deploi")).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void completionOnlyForBashOrZsh() {
        assertThat(commandLine().execute("completion", "fish")).isEqualTo(2);
    }

    @Test
    void aProblemIsItsTitleAndDetailOnOneLine() {
        String line = errors.describe(new ApiException(new Problem("Not Found", 404, "no app shop", null)));

        assertThat(line).isEqualTo("Not Found: no app shop");
    }

    @Test
    void aConnectionErrorSaysWhatToCheck() {
        String line = errors.describe(new ProcessingException(new ConnectException("Connection refused")));

        assertThat(line).contains("cannot reach the gateway", "Connection refused", "SLIPWAY_URL");
        assertThat(line.lines()).hasSize(1);
    }
}
