package io.slipway.gateway;

import java.util.List;
import java.util.Map;

/**
 * What a deployment would do with a pair of manifests.
 *
 * @param tasks the command of each deployment task; null where the phase would be skipped ({@code setup}, the
 *     one-time setup task, is also skipped once it ran for the app)
 * @param processes the Procfile's process types and their commands, in file order
 * @param warnings what was ignored or read leniently
 */
public record ManifestReport(Tasks tasks, Map<String, String> processes, List<ManifestIssue> warnings) {

    public record Tasks(String predeploy, String release, String postdeploy, String setup) {}
}
