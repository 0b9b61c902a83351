package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.manifest.ManifestException;
import io.slipway.manifest.ManifestParser;
import io.slipway.manifest.ParsedManifests;
import io.slipway.manifest.ProcessLimit;
import io.slipway.runtime.ImageDetails;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessPlanTests {

    private static final ImageDetails IMAGE =
            new ImageDetails("sha256:1", List.of(), List.of("/bin/sh"), "/app", List.of(), "", Set.of());

    @Test
    void plansUpToTheLimitPerType() throws ManifestException {
        List<ProcessPlan.Process> plan =
                ProcessPlan.resolve(Map.of("web", 2, "worker", 3), manifests(), IMAGE, new ProcessLimit(3));

        assertThat(plan).extracting(ProcessPlan.Process::type).containsOnly("web", "worker");
        assertThat(plan).hasSize(5);
    }

    @Test
    void refusesAScaleAboveTheLimitBeforePlanningAnything() {
        assertThatThrownBy(() -> ProcessPlan.resolve(
                        Map.of("worker", Integer.MAX_VALUE), manifests(), IMAGE, ProcessLimit.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("worker: at most 100 containers per process type, not 2147483647");
    }

    private static ParsedManifests manifests() throws ManifestException {
        return new ManifestParser().parse(null, "web: httpd\nworker: work\n".getBytes(StandardCharsets.UTF_8));
    }
}
