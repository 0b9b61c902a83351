package io.slipway.manifest;

import java.util.Objects;

/**
 * One {@code name: command} line of a Procfile, its trailing comment removed.
 *
 * @param line 1-based line number in the Procfile
 */
public record ProcfileEntry(String name, String command, int line) {

    public ProcfileEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
    }
}
