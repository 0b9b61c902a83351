package io.slipway.manifest;

import io.slipway.manifest.JsonValue.JsonObject;
import io.slipway.manifest.JsonValue.Member;
import java.util.Optional;
import java.util.Set;

/** Turns app.json's text into {@link AppJson}, recording every error and warning. */
final class AppJsonReader {

    private static final Set<String> KNOWN_KEYS = Set.of(
            ScriptsReader.SCRIPTS,
            EnvReader.ENV,
            FormationReader.FORMATION,
            HealthchecksReader.HEALTHCHECKS,
            CronReader.CRON);

    private AppJsonReader() {}

    /** The parsed file; when errors were recorded the result is incomplete and must not be used. */
    static AppJson read(String text, ProblemCollector problems, ProcessLimit limit) {
        Optional<JsonValue> root;
        try {
            root = JsonTreeReader.read(text, problems);
        } catch (InvalidJsonException e) {
            problems.error(e.position(), JsonPath.ROOT, e.getMessage());
            return AppJson.empty();
        }
        if (root.isEmpty()) {
            return AppJson.empty();
        }
        if (!(root.get() instanceof JsonObject object)) {
            problems.error(
                    root.get().position(),
                    JsonPath.ROOT,
                    "app.json must hold an object, not " + root.get().kind());
            return AppJson.empty();
        }
        return read(object, problems, limit);
    }

    private static AppJson read(JsonObject root, ProblemCollector problems, ProcessLimit limit) {
        for (Member member : root.members().values()) {
            if (!KNOWN_KEYS.contains(member.key())) {
                problems.warn(
                        member.keyPosition(),
                        JsonPath.key(JsonPath.ROOT, member.key()),
                        "ignored: Slipway does not use this key");
            }
        }
        LenientValues values = new LenientValues(problems);
        ScriptsReader.Scripts scripts = new ScriptsReader(problems).read(root.member(ScriptsReader.SCRIPTS));
        return new AppJson(
                scripts.predeploy(),
                scripts.postdeploy(),
                scripts.setup(),
                new EnvReader(values).read(root.member(EnvReader.ENV)),
                new FormationReader(values, problems, limit).read(root.member(FormationReader.FORMATION)),
                new HealthchecksReader(values, problems).read(root.member(HealthchecksReader.HEALTHCHECKS)),
                new CronReader(problems).read(root.member(CronReader.CRON)),
                problems.warnings());
    }
}
