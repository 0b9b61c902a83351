package io.slipway.runtime.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.runtime.EngineKind;
import io.slipway.runtime.ImageDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Dockerfile instructions, sent as a commit's {@code changes}, that give a committed task container
 * the configuration of the image it ran: a task never rewrites how the image starts, and leaves none
 * of its environment (the app's config variables) or labels behind.
 *
 * <p>A commit copies the container's configuration, which is the image's plus what the task added: its
 * Cmd, variables and labels. Dockerfile syntax can set but not unset, so a variable or label that the
 * image did not have is set back to an empty value.
 */
final class CommitChanges {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CommitChanges() {}

    /**
     * @param taskEnv the names of the variables the task container was given
     * @param taskLabels the names of the labels the task container was given
     * @param engine whose parser reads the instructions
     */
    static List<String> restoring(
            ImageConfig original, Set<String> taskEnv, Set<String> taskLabels, EngineKind engine) {
        ImageDetails image = original.details();
        List<String> changes = new ArrayList<>();
        if (image.hasEntrypoint()) {
            changes.add("ENTRYPOINT " + jsonArray(image.entrypoint()));
        } else if (image.cmd().isEmpty()) {
            // Docker fills an empty Cmd from the container's (the task's command) unless the Entrypoint
            // is non-empty; [""] is non-empty yet means "no Entrypoint" to both engines.
            changes.add("ENTRYPOINT [\"\"]");
        }
        changes.add("CMD " + jsonArray(image.cmd()));
        if (!image.workingDir().isEmpty()) {
            changes.add("WORKDIR " + image.workingDir());
        }
        if (!image.user().isEmpty()) {
            changes.add("USER " + image.user());
        }
        image.exposedPorts().stream().sorted().forEach(port -> changes.add("EXPOSE " + port));
        Map<String, String> env = image.env().stream()
                .map(variable -> variable.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair.length == 2 ? pair[1] : "", (a, b) -> b));
        taskEnv.stream()
                .sorted()
                .forEach(name -> changes.add("ENV " + name + "=" + quoted(env.getOrDefault(name, ""), engine)));
        taskLabels.stream()
                .sorted()
                .forEach(name -> changes.add(
                        "LABEL " + name + "=" + quoted(original.labels().getOrDefault(name, ""), engine)));
        return changes;
    }

    /**
     * Docker reads a value with its shell-like lexer (quotes, backslash escapes, {@code $} expansion);
     * Podman strips one pair of surrounding quotes and takes the rest verbatim.
     */
    private static String quoted(String value, EngineKind engine) {
        Function<String, String> escape = engine == EngineKind.DOCKER
                ? v -> v.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$")
                : Function.identity();
        return "\"" + escape.apply(value) + "\"";
    }

    private static String jsonArray(List<String> words) {
        try {
            return JSON.writeValueAsString(words);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }
}
