package io.slipway.contract;

import java.util.Locale;

/** Where a log line came from: a container's stdout or stderr, or Slipway itself. */
public enum LogStream {
    STDOUT,
    STDERR,
    SYSTEM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
