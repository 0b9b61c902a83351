package io.slipway.manifest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Both manifests of an app, parsed without errors.
 *
 * @param procfile empty when the app has no Procfile
 * @param warnings what was ignored or read leniently in either file
 */
public record ParsedManifests(AppJson appJson, Optional<Procfile> procfile, List<ManifestProblem> warnings) {

    public ParsedManifests {
        Objects.requireNonNull(appJson, "appJson");
        Objects.requireNonNull(procfile, "procfile");
        warnings = List.copyOf(warnings);
    }

    /** Predeploy, postdeploy and setup from app.json, release from the Procfile. */
    public DeploymentTasks tasks() {
        return new DeploymentTasks(
                appJson.predeploy(), procfile.flatMap(Procfile::release), appJson.postdeploy(), appJson.setup());
    }

    /** The Procfile's process types and their commands, in file order; never {@code release}. */
    public Map<String, String> processes() {
        return procfile.orElseGet(Procfile::absent).processes();
    }
}
