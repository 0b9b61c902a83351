package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.contract.DeploymentEvent;
import io.slipway.contract.DeploymentEvent.Finished;
import io.slipway.contract.DeploymentEvent.PhaseChanged;
import io.slipway.contract.DeploymentStatus;
import io.slipway.manifest.ManifestParser;
import io.slipway.runtime.Cancellation;
import io.slipway.runtime.ContainerRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** No config value reaches a reason or a line Slipway writes, whatever the engine put in its error. */
class ConfigRedactionTests {

    private static final String IMAGE = "shop:1";
    private static final Map<String, String> CONFIG =
            Map.of("MYSECRET", "abc\u0000defsecret", "TOKEN", "tok-3141592653", "WORKERS", "1");

    @Test
    void anEngineErrorEchoingTheEnvironmentYieldsAReasonWithoutTheValues() {
        // What runc answers (through both engines) for a variable with a NUL, quoted as Go quotes it.
        String runc = "failed to create shim task: environment variable value can't contain null(\\x00):"
                + " \"MYSECRET=abc\\x00defsecret\": unknown; token tok-3141592653 in use";
        List<DeploymentEvent> events = deploy(runc);

        Finished finished = (Finished) events.get(events.size() - 1);
        assertThat(finished.status()).isEqualTo(DeploymentStatus.FAILED);
        List<String> reasons = new ArrayList<>();
        reasons.add(finished.reason());
        events.stream()
                .filter(PhaseChanged.class::isInstance)
                .map(event -> ((PhaseChanged) event).reason())
                .filter(reason -> reason != null)
                .forEach(reasons::add);
        assertThat(finished.reason())
                .isEqualTo("predeploy: engine error: failed to create shim task: environment variable value can't"
                        + " contain null(\\x00): \"MYSECRET=[redacted]\": unknown; token [redacted] in use");
        assertThat(reasons).noneMatch(reason -> reason.contains("abc") || reason.contains("defsecret"));
        assertThat(reasons).noneMatch(reason -> reason.contains("3141592653"));
    }

    @Test
    void maskesValuesAsGivenAndAsEnginesQuoteThemButNotShortOnesStandingAlone() {
        ConfigRedaction redaction = ConfigRedaction.of(CONFIG);

        assertThat(redaction.apply("got abc\u0000defsecret and \"abc\\x00defsecret\""))
                .isEqualTo("got [redacted] and \"[redacted]\"");
        assertThat(redaction.apply("exited with code 1; WORKERS=1 set"))
                .isEqualTo("exited with code 1; WORKERS=[redacted]");
        assertThat(redaction.apply(null)).isNull();
        assertThat(ConfigRedaction.of(Map.of()).apply("TOKEN=x")).isEqualTo("TOKEN=x");
    }

    private static List<DeploymentEvent> deploy(String engineError) {
        RecordingRuntime runtime = new RecordingRuntime().withImage(IMAGE, List.of(), List.of("/bin/sh"));
        runtime.withFile(IMAGE, "/app/app.json", "{\"scripts\": {\"dokku\": {\"predeploy\": \"true\"}}}");
        runtime.taskBehaviour = task -> {
            throw new ContainerRuntimeException(engineError);
        };
        PipelineSettings settings = new PipelineSettings(
                Duration.ofMinutes(1),
                Duration.ofSeconds(1),
                Duration.ZERO,
                Duration.ofSeconds(1),
                Duration.ZERO,
                5000,
                List.of("/bin/sh", "-c"),
                100_000,
                Optional.empty());
        List<DeploymentEvent> events = new ArrayList<>();
        new DeploymentPipeline(runtime, new ManifestParser(), settings, Clock.systemUTC())
                .run(
                        DeploymentOrders.anImageDeploy()
                                .image(IMAGE)
                                .config(CONFIG)
                                .build(),
                        events::add,
                        new Cancellation());
        return events;
    }
}
