package io.slipway.engine.pipeline;

import io.slipway.manifest.ParsedManifests;
import io.slipway.manifest.ProcessLimit;
import io.slipway.manifest.ProcessTypes;
import io.slipway.runtime.ImageDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which process containers a release runs: the requested scale, else app.json's {@code formation},
 * else {@code web=1}; {@code web} without a Procfile entry runs the image's own start command.
 */
public final class ProcessPlan {

    /** One container to start; an empty {@code command} means the image's own start command. */
    public record Process(String type, int index, Optional<String> command) {
        /**
         * Process types are case-sensitive {@code [A-Za-z0-9_-]+}, which container names accept as
         * they are: kept unchanged, {@code Web} and {@code web} cannot clash.
         */
        public String name(String app, String deploymentId) {
            return "slipway-" + app + "-" + type + "-" + index + "-" + deploymentId.substring(0, 8);
        }
    }

    private ProcessPlan() {}

    /**
     * @param limit the most containers of one type; checked for every type before any is planned, so that no
     *     request, however it reached the engine, makes it allocate for a scale it will not run
     * @throws IllegalArgumentException with a message for the user when the plan cannot run
     */
    public static List<Process> resolve(
            Map<String, Integer> requested, ParsedManifests manifests, ImageDetails image, ProcessLimit limit) {
        Map<String, String> commands = manifests.processes();
        Map<String, Integer> scale = scale(requested, manifests);
        scale.forEach((type, quantity) -> limit.problem(quantity).ifPresent(problem -> {
            throw new IllegalArgumentException(type + ": " + problem);
        }));
        List<Process> processes = new ArrayList<>();
        scale.forEach((type, quantity) -> {
            ProcessTypes.scaleProblem(type, quantity).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            Optional<String> command = Optional.ofNullable(commands.get(type));
            ProcessTypes.absenceProblem(type, quantity, commands.keySet()).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            if (command.isEmpty()
                    && quantity > 0
                    && image.entrypoint().isEmpty()
                    && image.cmd().isEmpty()) {
                throw new IllegalArgumentException(
                        "nothing to run for web: no Procfile web entry and the image has neither Entrypoint nor Cmd");
            }
            for (int index = 1; index <= quantity; index++) {
                processes.add(new Process(type, index, command));
            }
        });
        return List.copyOf(processes);
    }

    private static Map<String, Integer> scale(Map<String, Integer> requested, ParsedManifests manifests) {
        Map<String, Integer> scale = new LinkedHashMap<>();
        scale.put(ProcessTypes.WEB, 1);
        manifests
                .appJson()
                .formation()
                .forEach((type, entry) -> entry.quantity().ifPresent(q -> scale.put(type, q)));
        scale.putAll(requested);
        return scale;
    }
}
