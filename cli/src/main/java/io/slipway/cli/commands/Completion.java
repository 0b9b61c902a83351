package io.slipway.cli.commands;

import io.slipway.cli.Session;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "completion",
        description = "A completion script: source <(slipway completion bash); zsh loads it with bashcompinit")
public class Completion implements Callable<Integer> {

    /** Picocli's script is bash; zsh runs it through bashcompinit, which the script enables itself. */
    enum Shell {
        bash,
        zsh
    }

    @Inject
    Session session;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    @Override
    public Integer call() {
        session.out().print(AutoComplete.bash("slipway", spec.root().commandLine()));
        return 0;
    }
}
