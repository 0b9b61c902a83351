package io.slipway.gateway.console;

/**
 * What a remote console has queued for its client and not yet written: a client that reads slower than its console
 * prints is closed rather than let the gateway's memory fill up, since a remote console cannot be held back.
 */
final class ConsoleOutbox {

    /** The most bytes queued for one client. */
    static final long MAX_QUEUED = 1024 * 1024;

    private long queued;

    /** Counts {@code bytes} in; false, counting nothing, when that would queue more than {@link #MAX_QUEUED}. */
    synchronized boolean offer(int bytes) {
        if (queued + bytes > MAX_QUEUED) {
            return false;
        }
        queued += bytes;
        return true;
    }

    /** {@code bytes} were written (or could not be, the client being gone). */
    synchronized void written(int bytes) {
        queued -= bytes;
    }

    synchronized long queued() {
        return queued;
    }
}
