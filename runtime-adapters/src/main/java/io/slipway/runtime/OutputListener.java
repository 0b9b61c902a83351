package io.slipway.runtime;

/** Receives a container's or a build's output one line at a time, as it is produced. */
@FunctionalInterface
public interface OutputListener {

    /** @param line the line without its terminator */
    void onLine(OutputChannel stream, String line);

    static OutputListener ignoring() {
        return (stream, line) -> {};
    }
}
