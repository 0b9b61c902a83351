package io.slipway.runtime;

import java.util.List;
import java.util.Set;

/**
 * How an image starts: the parts of its configuration a task or a commit must respect.
 * Lists are never null; {@code workingDir} and {@code user} are empty strings when unset.
 */
public record ImageDetails(
        String id,
        List<String> entrypoint,
        List<String> cmd,
        String workingDir,
        List<String> env,
        String user,
        Set<String> exposedPorts) {

    public ImageDetails {
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        env = List.copyOf(env);
        exposedPorts = Set.copyOf(exposedPorts);
    }

    public boolean hasEntrypoint() {
        return !entrypoint.isEmpty();
    }
}
