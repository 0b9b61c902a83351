package io.slipway.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Slipway reads from app.json. Maps keep the file's order.
 *
 * @param predeploy {@code scripts.dokku.predeploy}; empty when absent, null or blank
 * @param postdeploy {@code scripts.dokku.postdeploy}; empty when absent, null or blank
 * @param setup {@code scripts.postdeploy}, the app's one-time setup task; empty when absent, null or blank
 * @param env {@code env}, by variable name
 * @param formation {@code formation}, by process type
 * @param healthchecks {@code healthchecks}, by process type
 * @param cron {@code cron}, in file order
 * @param warnings what was ignored or read leniently, in file order
 */
public record AppJson(
        Optional<String> predeploy,
        Optional<String> postdeploy,
        Optional<String> setup,
        Map<String, EnvVar> env,
        Map<String, ProcessFormation> formation,
        Map<String, List<HealthCheck>> healthchecks,
        List<CronEntry> cron,
        List<ManifestProblem> warnings) {

    public AppJson {
        Objects.requireNonNull(predeploy, "predeploy");
        Objects.requireNonNull(postdeploy, "postdeploy");
        Objects.requireNonNull(setup, "setup");
        env = OrderedMaps.copyOf(env);
        formation = OrderedMaps.copyOf(formation);
        Map<String, List<HealthCheck>> checks = new LinkedHashMap<>();
        healthchecks.forEach((process, list) -> checks.put(process, List.copyOf(list)));
        healthchecks = OrderedMaps.copyOf(checks);
        cron = List.copyOf(cron);
        warnings = List.copyOf(warnings);
    }

    /** The meaning of a missing, empty or white-space-only app.json: {@code {}}. */
    public static AppJson empty() {
        return new AppJson(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                Map.of(),
                Map.of(),
                List.of(),
                List.of());
    }
}
