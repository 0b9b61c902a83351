package io.slipway.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.manifest.ManifestException;
import io.slipway.manifest.ManifestParser;
import io.slipway.manifest.ParsedManifests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebCheckPlanTests {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void withoutHealthchecksTheWebPortMustAcceptAConnectionWithinTheStartTimeout() {
        List<WebCheck> plan = WebCheckPlan.of(manifests("{}"), 5000, START_TIMEOUT);

        assertThat(plan).singleElement().satisfies(check -> {
            assertThat(check.kind()).isEqualTo(WebCheck.Kind.LISTENING);
            assertThat(check.port()).isEqualTo(5000);
            assertThat(check.attempts()).isEqualTo(120);
            assertThat(check.pause()).isEqualTo(Duration.ofMillis(250));
        });
        assertThat(WebCheckPlan.listening(5000, Duration.ofMillis(100)).attempts())
                .as("a start timeout shorter than a pause still gets its attempt")
                .isEqualTo(1);
    }

    @Test
    void anHttpCheckGetsDokkusDefaults() {
        List<WebCheck> plan = WebCheckPlan.of(
                manifests("{\"healthchecks\": {\"web\": [{\"name\": \"home\", \"path\": \"/health\"}]}}"),
                5000,
                START_TIMEOUT);

        assertThat(plan)
                .containsExactly(new WebCheck(
                        "home",
                        WebCheck.Kind.HTTP,
                        "/health",
                        "http",
                        5000,
                        Optional.empty(),
                        List.of(),
                        3,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        Duration.ZERO,
                        Map.of()));
    }

    @Test
    void keysAreHonouredAndBounded() {
        List<WebCheck> plan = WebCheckPlan.of(
                manifests("{\"healthchecks\": {\"web\": [{\"type\": \"startup\", \"path\": \"/\", \"port\": 8080,"
                        + " \"content\": \"ok\", \"attempts\": 100000, \"wait\": 2, \"timeout\": 9, \"initialDelay\": 4,"
                        + " \"httpHeaders\": [{\"name\": \"X-Check\", \"value\": \"1\"}]}]}}"),
                5000,
                START_TIMEOUT);

        assertThat(plan).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("check 1");
            assertThat(check.port()).isEqualTo(8080);
            assertThat(check.content()).contains("ok");
            assertThat(check.attempts()).isEqualTo(WebCheckPlan.MAX_ATTEMPTS);
            assertThat(check.pause()).isEqualTo(Duration.ofSeconds(2));
            assertThat(check.timeout()).isEqualTo(Duration.ofSeconds(9));
            assertThat(check.initialDelay()).isEqualTo(Duration.ofSeconds(4));
            assertThat(check.httpHeaders()).containsExactly(Map.entry("X-Check", "1"));
        });
    }

    @Test
    void commandListeningAndUptimeChecksAreToldApart() {
        List<WebCheck> plan = WebCheckPlan.of(
                manifests("{\"healthchecks\": {\"web\": [{\"command\": [\"true\"]}, {\"listening\": true},"
                        + " {\"uptime\": 7}]}}"),
                5000,
                START_TIMEOUT);

        assertThat(plan)
                .extracting(WebCheck::kind)
                .containsExactly(WebCheck.Kind.COMMAND, WebCheck.Kind.LISTENING, WebCheck.Kind.UPTIME);
        assertThat(plan.get(2).initialDelay()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void onlyStartupChecksGateADeploymentAndWithNoneTheDefaultApplies() {
        List<WebCheck> plan = WebCheckPlan.of(
                manifests("{\"healthchecks\": {\"web\": [{\"type\": \"liveness\", \"path\": \"/live\"}]}}"),
                5000,
                START_TIMEOUT);

        assertThat(plan).extracting(WebCheck::kind).containsExactly(WebCheck.Kind.LISTENING);
    }

    private static ParsedManifests manifests(String appJson) {
        try {
            return new ManifestParser().parse(appJson.getBytes(StandardCharsets.UTF_8), null);
        } catch (ManifestException e) {
            throw new AssertionError(e);
        }
    }
}
