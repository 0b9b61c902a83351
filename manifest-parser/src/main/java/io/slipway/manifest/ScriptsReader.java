package io.slipway.manifest;

import io.slipway.manifest.JsonValue.JsonNull;
import io.slipway.manifest.JsonValue.JsonObject;
import io.slipway.manifest.JsonValue.JsonString;
import io.slipway.manifest.JsonValue.Member;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code scripts}, the one section Slipway acts on: a value of the wrong type here is an error, because
 * running without a task the author asked for would be worse than not deploying. {@code null} means absent.
 * {@code scripts.dokku.predeploy} and {@code scripts.dokku.postdeploy} run in every deployment;
 * {@code scripts.postdeploy} (Heroku's) is the app's one-time setup task.
 */
final class ScriptsReader {

    static final String SCRIPTS = "scripts";
    private static final String DOKKU = "dokku";
    private static final String PREDEPLOY = "predeploy";
    private static final String POSTDEPLOY = "postdeploy";

    /** Why keys of {@code scripts} that real files use are not run; other keys are just ignored. */
    private static final Map<String, String> IGNORED_SCRIPT_HINTS = Map.of(
            PREDEPLOY,
            "; did you mean scripts.dokku.predeploy?",
            "release",
            ": the release task is the Procfile's release entry");

    /** The deployment tasks app.json asks for. */
    record Scripts(Optional<String> predeploy, Optional<String> postdeploy, Optional<String> setup) {

        static final Scripts NONE = new Scripts(Optional.empty(), Optional.empty(), Optional.empty());

        Scripts withSetup(Optional<String> command) {
            return new Scripts(predeploy, postdeploy, command);
        }
    }

    private final ProblemCollector problems;

    ScriptsReader(ProblemCollector problems) {
        this.problems = problems;
    }

    Scripts read(Optional<Member> scripts) {
        return scripts.flatMap(member -> object(member.value(), SCRIPTS))
                .map(this::readScripts)
                .orElse(Scripts.NONE);
    }

    private Scripts readScripts(JsonObject scripts) {
        Scripts dokku = Scripts.NONE;
        for (Member member : scripts.members().values()) {
            String path = JsonPath.key(SCRIPTS, member.key());
            if (member.key().equals(DOKKU)) {
                dokku = object(member.value(), path).map(this::readDokku).orElse(Scripts.NONE);
            } else if (!member.key().equals(POSTDEPLOY)) {
                problems.warn(
                        member.keyPosition(),
                        path,
                        "ignored"
                                + IGNORED_SCRIPT_HINTS.getOrDefault(member.key(), ": Slipway runs only scripts.dokku"));
            }
        }
        return dokku.withSetup(command(scripts, SCRIPTS, POSTDEPLOY, "setup"));
    }

    private Scripts readDokku(JsonObject dokku) {
        String dokkuPath = JsonPath.key(SCRIPTS, DOKKU);
        for (Member member : dokku.members().values()) {
            if (!member.key().equals(PREDEPLOY) && !member.key().equals(POSTDEPLOY)) {
                problems.warn(
                        member.keyPosition(),
                        JsonPath.key(dokkuPath, member.key()),
                        "ignored: Slipway runs scripts.dokku.predeploy and scripts.dokku.postdeploy");
            }
        }
        return new Scripts(
                command(dokku, dokkuPath, PREDEPLOY, PREDEPLOY),
                command(dokku, dokkuPath, POSTDEPLOY, POSTDEPLOY),
                Optional.empty());
    }

    /** The command under {@code key} of {@code scripts} (at {@code scriptsPath}); {@code task} names it in messages. */
    private Optional<String> command(JsonObject scripts, String scriptsPath, String key, String task) {
        String path = JsonPath.key(scriptsPath, key);
        return scripts.member(key).map(Member::value).flatMap(value -> {
            if (value instanceof JsonString command) {
                if (command.value().isBlank()) {
                    problems.warn(value.position(), path, "empty: no " + task + " task runs");
                    return Optional.empty();
                }
                return Optional.of(command.value());
            }
            if (!(value instanceof JsonNull)) {
                problems.error(
                        value.position(),
                        path,
                        "must be a string holding the " + task + " command, not " + value.kind());
            }
            return Optional.empty();
        });
    }

    private Optional<JsonObject> object(JsonValue value, String path) {
        if (value instanceof JsonObject object) {
            return Optional.of(object);
        }
        if (!(value instanceof JsonNull)) {
            problems.error(value.position(), path, "must be an object, not " + value.kind());
        }
        return Optional.empty();
    }
}
