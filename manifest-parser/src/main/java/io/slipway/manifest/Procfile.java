package io.slipway.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed Procfile.
 *
 * @param processTypes the entries to schedule, in file order; never one named {@value #RELEASE}
 * @param release the command of the {@value #RELEASE} entry: the release task, not a process type
 */
public record Procfile(List<ProcfileEntry> processTypes, Optional<String> release) {

    public static final String RELEASE = "release";

    public Procfile {
        processTypes = List.copyOf(processTypes);
        Objects.requireNonNull(release, "release");
        if (processTypes.stream().anyMatch(entry -> entry.name().equals(RELEASE))) {
            throw new IllegalArgumentException("\"release\" is the release task, never a process type");
        }
    }

    /** What an absent Procfile means: no process types (the image's own command runs as {@code web}) and no release task. */
    public static Procfile absent() {
        return new Procfile(List.of(), Optional.empty());
    }

    /** Process type to command, in file order. */
    public Map<String, String> processes() {
        Map<String, String> processes = new LinkedHashMap<>();
        processTypes.forEach(entry -> processes.put(entry.name(), entry.command()));
        return OrderedMaps.copyOf(processes);
    }
}
