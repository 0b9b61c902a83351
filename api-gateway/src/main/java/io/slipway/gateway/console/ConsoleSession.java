package io.slipway.gateway.console;

import io.slipway.contract.RunConsoles.RunConsole;
import java.io.ByteArrayOutputStream;

/**
 * One client's console: what it types before its console runs waits here (frames may come while the container
 * starts), bounded; what it types after an end is dropped.
 */
final class ConsoleSession {

    /** What may wait for the console to start: a paste, not a flood. */
    private static final int MAX_EARLY_INPUT = 64 * 1024;

    private final ByteArrayOutputStream early = new ByteArrayOutputStream();
    private RunConsole console;
    private int[] earlySize;
    private boolean ended;
    private boolean detached;

    /** @throws IllegalStateException when too much was typed before the console runs, or the console reads nothing */
    synchronized void type(byte[] input) {
        if (ended || detached) {
            return;
        }
        if (console != null) {
            console.type(input);
            return;
        }
        if (early.size() + input.length > MAX_EARLY_INPUT) {
            throw new IllegalStateException("more than " + MAX_EARLY_INPUT + " bytes typed before the console started");
        }
        early.writeBytes(input);
    }

    synchronized void resize(int cols, int rows) {
        if (ended || detached) {
            return;
        }
        if (console == null) {
            earlySize = new int[] {cols, rows};
            return;
        }
        console.resize(cols, rows);
    }

    /** The console runs: what waited is sent; a client gone already ends it. */
    synchronized void attached(RunConsole running) {
        console = running;
        if (detached) {
            running.detach();
            return;
        }
        if (earlySize != null) {
            running.resize(earlySize[0], earlySize[1]);
        }
        if (early.size() > 0) {
            running.type(early.toByteArray());
            early.reset();
        }
    }

    synchronized void ended() {
        ended = true;
    }

    /** The client went away: a console still running is killed. */
    synchronized void detach() {
        detached = true;
        if (console != null && !ended) {
            console.detach();
        }
    }
}
