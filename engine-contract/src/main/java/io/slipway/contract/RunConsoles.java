package io.slipway.contract;

import java.util.Optional;

/**
 * The consoles of interactive runs ({@link RunOrder#interactive()}), for the gateway that embeds the engine: an
 * interactive run waits on its engine for its client, and starts its container with a TTY when the client attaches.
 * The engine implements it; the gateway calls it, never the container engine itself.
 */
public interface RunConsoles {

    /**
     * Starts the console of the interactive run {@code runId}, which waits here for its client, and connects it to
     * {@code screen}; blocks until its container runs or could not be started (the run then ends {@code FAILED} and
     * {@code screen} is told at once).
     *
     * @return empty when no such run waits here: it is unknown, has ended, or has a client already
     */
    Optional<RunConsole> attach(String runId, ConsoleScreen screen);

    /** A running console: what its client types, and the size of its terminal. */
    interface RunConsole {

        /** Sends bytes to the console's stdin, as typed; ignored once it has ended. */
        void type(byte[] input);

        /** Changes the size of the console's TTY. */
        void resize(int columns, int rows);

        /** The client went away: the console's container is killed and the run ends {@code CANCELLED}. */
        void detach();
    }

    /** Where a console's output goes. */
    interface ConsoleScreen {

        /** Bytes the console's TTY printed, in order; called on a thread of the engine's. */
        void print(byte[] output);

        /**
         * The run ended and its container is removed; called once, last.
         *
         * @param exitCode the command's exit code when it exited by itself, else null
         */
        void ended(RunStatus status, Integer exitCode);
    }
}
