package io.slipway.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.cli.Slipway;
import io.slipway.cli.api.Requests;
import io.slipway.cli.config.UsageProblem;
import io.slipway.cli.streams.ConsoleAttach;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Each command's arguments, and the bodies it sends. */
class CommandArgumentsTests {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    private static CommandLine.ParseResult parse(String... args) {
        return Slipway.commandLine(new Slipway()).parseArgs(args).subcommand();
    }

    private static <T> T command(CommandLine.ParseResult parsed, Class<T> type) {
        return type.cast(parsed.commandSpec().userObject());
    }

    private static int exitOf(String... args) {
        CommandLine commandLine = Slipway.commandLine(new Slipway());
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

    @Test
    void runTakesEverythingAfterTheDoubleDashAsTheCommand() {
        RunCommand run = command(
                parse(
                        "run",
                        "--timeout",
                        "60",
                        "-e",
                        "A=1",
                        "-e",
                        "B=x=y",
                        "-a",
                        "shop",
                        "--",
                        "rake",
                        "-e",
                        "--trace"),
                RunCommand.class);

        assertThat(run.timeoutSeconds).isEqualTo(60L);
        assertThat(run.command).containsExactly("rake", "-e", "--trace");
        assertThat(run.variables()).containsExactly(Map.entry("A", "1"), Map.entry("B", "x=y"));
    }

    @Test
    void runNeedsACommand() {
        assertThat(exitOf("run", "-a", "shop")).isEqualTo(2);
        assertThat(exitOf("run", "-i", "-a", "shop")).isEqualTo(2);
    }

    @Test
    void runDashIAsksForAConsole() throws Exception {
        RunCommand run = command(parse("run", "-i", "-a", "shop", "--", "rails", "c"), RunCommand.class);
        assertThat(run.interactive).isTrue();
        assertThat(run.command).containsExactly("rails", "c");
        assertThat(command(parse("run", "--interactive", "--", "sh"), RunCommand.class).interactive)
                .isTrue();
        assertThat(command(parse("run", "--", "sh", "-i"), RunCommand.class).interactive)
                .isFalse();

        JsonNode body = json.readTree(json.writeValueAsString(new Requests.NewRun("sh", null, null, true)));
        assertThat(body.path("interactive").asBoolean()).isTrue();
        assertThat(json.readTree(json.writeValueAsString(new Requests.NewRun("sh", null, null)))
                        .has("interactive"))
                .isFalse();
    }

    @Test
    void theConsolesAddressIsTheGatewaysWithAWebSocketSchemeAndNoToken() {
        assertThat(ConsoleAttach.attachUri(URI.create("https://paas.example:8443"), "r-1"))
                .hasToString("wss://paas.example:8443/api/v1/runs/r-1/attach");
        assertThat(ConsoleAttach.attachUri(URI.create("http://127.0.0.1:8080/"), "r-2"))
                .hasToString("ws://127.0.0.1:8080/api/v1/runs/r-2/attach");
    }

    @Test
    void aVariableWithoutAKeyIsRefusedWithoutShowingIt() {
        RunCommand run = command(parse("run", "-e", "hunter2", "--", "env"), RunCommand.class);

        assertThatThrownBy(run::variables)
                .isInstanceOf(UsageProblem.class)
                .message()
                .doesNotContain("hunter2");
    }

    @Test
    void theRunsVariablesTravelOnlyInItsBody() throws Exception {
        String body = json.writeValueAsString(new Requests.NewRun("env", null, Map.of("SECRET", "s3")));

        assertThat(json.readTree(body).path("env").path("SECRET").asText()).isEqualTo("s3");
        assertThat(json.readTree(body).has("timeoutSeconds")).isFalse();
    }

    @Test
    void restartTakesAnOptionalTypeAndStopAndStartTakeNone() throws Exception {
        PsRestart one = command(parse("ps:restart", "web", "--detach", "-a", "shop"), PsRestart.class);
        PsRestart all = command(parse("ps:restart", "-a", "shop"), PsRestart.class);

        assertThat(one.type).isEqualTo("web");
        assertThat(one.detach).isTrue();
        assertThat(all.type).isNull();
        assertThat(all.detach).isFalse();
        assertThat(json.writeValueAsString(new Requests.Restart(null))).isEqualTo("{}");
        assertThat(json.writeValueAsString(new Requests.Restart("web"))).isEqualTo("{\"type\":\"web\"}");
        assertThat(command(parse("ps:stop", "--detach"), PsStop.class).detach).isTrue();
        assertThat(exitOf("ps:stop", "web")).isEqualTo(2);
        assertThat(exitOf("ps:start", "web")).isEqualTo(2);
    }

    @Test
    void tokensCreateNeedsARoleAndTakesManyApps() {
        TokensCreate create = command(
                parse(
                        "tokens:create",
                        "ci",
                        "--role",
                        "deployer",
                        "--app",
                        "shop",
                        "--app",
                        "blog",
                        "--expires-at",
                        "2027-01-31T00:00:00Z"),
                TokensCreate.class);

        assertThat(create.name).isEqualTo("ci");
        assertThat(create.role).isEqualTo("deployer");
        assertThat(create.apps).containsExactly("shop", "blog");
        assertThat(create.expiry()).isEqualTo(Instant.parse("2027-01-31T00:00:00Z"));
        assertThat(exitOf("tokens:create", "ci")).isEqualTo(2);
        assertThat(exitOf("tokens:revoke")).isEqualTo(2);
    }

    @Test
    void anExpiryThatIsNotAnIsoTimeIsNamed() {
        TokensCreate create = command(
                parse("tokens:create", "ci", "--role", "viewer", "--expires-at", "tomorrow"), TokensCreate.class);

        assertThatThrownBy(create::expiry).isInstanceOf(UsageProblem.class).hasMessageContaining("tomorrow");
    }

    @Test
    void anUnlimitedTokenSendsNoAppsAndNoExpiry() throws Exception {
        String body = json.writeValueAsString(new Requests.NewToken("ci", "viewer", null, null));

        assertThat(body).isEqualTo("{\"name\":\"ci\",\"role\":\"viewer\"}");
    }

    @Test
    void auditTakesItsFilters() {
        Audit audit = command(parse("audit", "--app", "shop", "--actor", "ci", "--limit", "20"), Audit.class);

        assertThat(audit.app).isEqualTo("shop");
        assertThat(audit.actor).isEqualTo("ci");
        assertThat(audit.limit).isEqualTo(20);
        assertThat(exitOf("audit", "--limit", "x")).isEqualTo(2);
    }
}
