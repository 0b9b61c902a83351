package io.slipway.runtime;

/** Which of a container's output streams a line came from. */
public enum OutputChannel {
    STDOUT,
    STDERR
}
