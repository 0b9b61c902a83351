package io.slipway.runtime.docker;

import io.slipway.runtime.EngineKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Commits a stopped task container into an image that keeps the original image's configuration.
 *
 * <p>docker-java's commit command sends the changes only in the JSON body, which Podman ignores;
 * both engines honour the {@code changes} query parameter, so the call is made directly. The body
 * must be {@code {}}: Podman answers an empty body with "Decode(): EOF".
 */
final class ContainerCommitter {

    private final RawEngineApi raw;
    private final EngineErrors errors;
    private final EngineKind engine;

    ContainerCommitter(RawEngineApi raw, EngineErrors errors, EngineKind engine) {
        this.raw = raw;
        this.errors = errors;
        this.engine = engine;
    }

    /** @return the new image's id, {@code sha256:}-prefixed on both engines */
    String commit(
            String containerId, ImageConfig original, Set<String> taskEnv, Set<String> taskLabels, String reference) {
        ImageNames.Reference target = ImageNames.split(reference);
        List<Map.Entry<String, String>> query = new ArrayList<>(List.of(
                Map.entry("container", containerId),
                Map.entry("repo", target.repository()),
                Map.entry("tag", target.tag())));
        CommitChanges.restoring(original, taskEnv, taskLabels, engine)
                .forEach(change -> query.add(Map.entry("changes", change)));
        String id = errors.call(
                "commit task container into " + reference,
                () -> raw.postJson(RawEngineApi.compatPath("/commit", query), "{}")
                        .path("Id")
                        .asText());
        return ImageNames.normaliseId(id);
    }
}
