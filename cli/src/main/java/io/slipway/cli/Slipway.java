package io.slipway.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import io.slipway.cli.commands.Apps;
import io.slipway.cli.commands.AppsCreate;
import io.slipway.cli.commands.AppsDestroy;
import io.slipway.cli.commands.AppsInfo;
import io.slipway.cli.commands.Audit;
import io.slipway.cli.commands.Cancel;
import io.slipway.cli.commands.Completion;
import io.slipway.cli.commands.Config;
import io.slipway.cli.commands.ConfigGet;
import io.slipway.cli.commands.ConfigSet;
import io.slipway.cli.commands.ConfigUnset;
import io.slipway.cli.commands.Cron;
import io.slipway.cli.commands.CronResume;
import io.slipway.cli.commands.CronRun;
import io.slipway.cli.commands.CronSuspend;
import io.slipway.cli.commands.Deploy;
import io.slipway.cli.commands.Deployments;
import io.slipway.cli.commands.DeploymentsInfo;
import io.slipway.cli.commands.DeploymentsLogs;
import io.slipway.cli.commands.LimitsSet;
import io.slipway.cli.commands.LimitsShow;
import io.slipway.cli.commands.Link;
import io.slipway.cli.commands.Login;
import io.slipway.cli.commands.Logs;
import io.slipway.cli.commands.Ps;
import io.slipway.cli.commands.PsRestart;
import io.slipway.cli.commands.PsScale;
import io.slipway.cli.commands.PsStart;
import io.slipway.cli.commands.PsStop;
import io.slipway.cli.commands.Releases;
import io.slipway.cli.commands.Retry;
import io.slipway.cli.commands.Rollback;
import io.slipway.cli.commands.RunCommand;
import io.slipway.cli.commands.Tokens;
import io.slipway.cli.commands.TokensCreate;
import io.slipway.cli.commands.TokensRevoke;
import io.slipway.cli.commands.Validate;
import io.slipway.cli.commands.Version;
import io.slipway.cli.commands.Webhooks;
import io.slipway.cli.commands.WebhooksAdd;
import io.slipway.cli.commands.WebhooksRemove;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code slipway} command: the REST API of a Slipway gateway from a terminal. */
@TopCommand
@Command(
        name = "slipway",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Deploy and operate apps on a Slipway gateway.")
public class Slipway {

    /** The subcommands, in the order the help lists them. */
    static final List<Class<?>> COMMANDS = List.of(
            picocli.CommandLine.HelpCommand.class,
            Login.class,
            Version.class,
            Apps.class,
            AppsCreate.class,
            AppsInfo.class,
            AppsDestroy.class,
            Link.class,
            Deploy.class,
            Deployments.class,
            DeploymentsInfo.class,
            DeploymentsLogs.class,
            Cancel.class,
            Retry.class,
            Releases.class,
            Rollback.class,
            Logs.class,
            RunCommand.class,
            Cron.class,
            CronRun.class,
            CronSuspend.class,
            CronResume.class,
            Config.class,
            ConfigGet.class,
            ConfigSet.class,
            ConfigUnset.class,
            Ps.class,
            PsScale.class,
            PsRestart.class,
            PsStop.class,
            PsStart.class,
            LimitsShow.class,
            LimitsSet.class,
            Webhooks.class,
            WebhooksAdd.class,
            WebhooksRemove.class,
            Tokens.class,
            TokensCreate.class,
            TokensRevoke.class,
            Audit.class,
            Validate.class,
            Completion.class);

    /** Commands that read the whole command tree: they get every command even when named. */
    private static final Set<String> NEEDS_ALL = Set.of("help", "completion");

    @Option(
            names = "--json",
            scope = ScopeType.INHERIT,
            description = "Print the API's JSON as it is, instead of a table")
    boolean json;

    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Show each request (method and URL) on stderr")
    boolean verbose;

    /** The whole command line, every command in it, as the help and the completion script show it. */
    public static CommandLine commandLine(Object top) {
        return commandLine(top, CommandLine.defaultFactory());
    }

    /**
     * The command line for these arguments. A JVM starts afresh for each command, and picocli reads the annotations
     * of every command it is given and has each one made: when the arguments name a command, only that one is
     * given, so that {@code slipway version} does not pay for forty others. Without a command, for help, completion
     * or a name that is no command (the usage error suggests the near ones), every command is there.
     */
    public static CommandLine commandLine(Object top, CommandLine.IFactory factory, String... args) {
        CommandLine commandLine = new CommandLine(top, factory);
        String named = commandNamed(args);
        boolean known = COMMANDS.stream().anyMatch(command -> nameOf(command).equals(named));
        for (Class<?> command : COMMANDS) {
            if (!known || NEEDS_ALL.contains(named) || nameOf(command).equals(named)) {
                commandLine.addSubcommand(command);
            }
        }
        return commandLine;
    }

    /** The first argument that is not an option: the slipway command's own options take no values. */
    private static String commandNamed(String... args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return null;
            }
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }
}
