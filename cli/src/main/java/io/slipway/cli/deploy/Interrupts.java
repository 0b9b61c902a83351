package io.slipway.cli.deploy;

import java.io.Console;
import java.io.PrintStream;
import sun.misc.Signal;

/**
 * Ctrl-C while a deployment is followed asks whether to cancel the deployment or only stop watching, rather than
 * leaving the operator unsure whether it still runs.
 */
public final class Interrupts {

    /** What a shell reports for a command ended by Ctrl-C. */
    public static final int DETACHED = 130;

    public interface Canceller {
        void cancel();
    }

    private Interrupts() {}

    public static void askOnCtrlC(String deploymentId, Canceller canceller, PrintStream err) {
        Signal.handle(new Signal("INT"), signal -> {
            Console console = System.console();
            String answer = console == null
                    ? "d"
                    : console.readLine("%nCancel deployment %s (c) or detach and let it run (d)? [c/d] ", deploymentId);
            if (answer != null
                    && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("c")) {
                err.println("Cancelling " + deploymentId + "...");
                canceller.cancel();
                return;
            }
            err.println("Detached: " + deploymentId + " goes on (slipway deployments:logs " + deploymentId + ")");
            System.exit(DETACHED);
        });
    }
}
