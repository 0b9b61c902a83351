package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.runtime.ContainerInfo;
import io.slipway.runtime.ContainerState;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which containers a scale adds, keeps and removes. */
class ScaleChangeTests {

    @Test
    void namedTypesMoveToThePlanAndOthersKeepTheirContainers() {
        List<ContainerInfo> running = List.of(web("a-web-1"), web("a-web-2"), worker("a-worker-1"));
        List<ProcessPlan.Process> plan = List.of(
                new ProcessPlan.Process("web", 1, Optional.empty()),
                new ProcessPlan.Process("worker", 1, Optional.of("w")),
                new ProcessPlan.Process("worker", 2, Optional.of("w")),
                new ProcessPlan.Process("worker", 3, Optional.of("w")));

        ScaleChange webOnly = ScaleChange.of(Set.of("web"), plan, running);
        assertThat(webOnly.added()).isEmpty();
        assertThat(webOnly.removed()).extracting(ContainerInfo::name).containsExactly("a-web-2");
        assertThat(webOnly.kept()).extracting(ContainerInfo::name).containsExactly("a-web-1", "a-worker-1");

        ScaleChange both = ScaleChange.of(Set.of("web", "worker"), plan, running);
        assertThat(both.added())
                .containsExactly(
                        new ProcessPlan.Process("worker", 2, Optional.of("w")),
                        new ProcessPlan.Process("worker", 3, Optional.of("w")));
        assertThat(ScaleChange.of(Set.of("worker"), plan, running).isEmpty()).isFalse();
        assertThat(ScaleChange.of(Set.of(), plan, running).isEmpty()).isTrue();
    }

    private static ContainerInfo web(String name) {
        return container(name, "web");
    }

    private static ContainerInfo worker(String name) {
        return container(name, "worker");
    }

    private static ContainerInfo container(String name, String type) {
        return new ContainerInfo(
                name, name, "image", ContainerState.RUNNING, 0, ContainerLabels.process("a", "d", type));
    }
}
