package io.slipway.engine.pipeline;

import io.slipway.manifest.HealthCheck;
import io.slipway.manifest.ParsedManifests;
import io.slipway.manifest.ProcessTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which checks a new release's web containers must pass, from app.json's {@code healthchecks.web} with
 * Dokku's documented defaults; without any, the default: the port must accept a connection within the
 * start timeout. Only {@code startup} checks (Dokku's default type) gate a deployment; {@code liveness} and
 * {@code readiness} checks are for a running app, which Slipway does not watch yet.
 */
final class WebCheckPlan {

    /** Dokku's defaults for a check that does not say. */
    static final int DEFAULT_ATTEMPTS = 3;

    static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_INITIAL_DELAY = Duration.ZERO;
    /** Bounds on what app.json may ask for, so that a typo cannot hold a deployment for days. */
    static final int MAX_ATTEMPTS = 100;

    static final int MAX_SECONDS = 600;
    private static final String STARTUP = "startup";

    private WebCheckPlan() {}

    /**
     * @param port the {@code PORT} web processes listen on
     * @param startTimeout how long the default check waits for the port
     */
    static List<WebCheck> of(ParsedManifests manifests, int port, Duration startTimeout) {
        List<HealthCheck> declared = manifests.appJson().healthchecks().getOrDefault(ProcessTypes.WEB, List.of());
        List<WebCheck> checks = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            HealthCheck check = declared.get(i);
            if (check.type().orElse(STARTUP).equals(STARTUP)) {
                checks.add(planned(check, i + 1, port));
            }
        }
        return checks.isEmpty() ? List.of(listening(port, startTimeout)) : List.copyOf(checks);
    }

    /**
     * Between two attempts of the default check. Most apps listen within a fraction of a second of their
     * start: a pause of a second made nearly every deploy wait most of one after a first attempt that came
     * too early (measured in BENCHMARKS.md).
     */
    static final Duration LISTENING_PAUSE = Duration.ofMillis(250);

    /** The default check: a connection attempt every {@link #LISTENING_PAUSE} until the start timeout passes. */
    static WebCheck listening(int port, Duration startTimeout) {
        Duration pause = LISTENING_PAUSE;
        int attempts = (int) Math.max(1, startTimeout.toMillis() / pause.toMillis());
        return new WebCheck(
                "port listening",
                WebCheck.Kind.LISTENING,
                "",
                "http",
                port,
                Optional.empty(),
                List.of(),
                attempts,
                pause,
                pause,
                Duration.ZERO,
                Map.of());
    }

    private static WebCheck planned(HealthCheck check, int number, int defaultPort) {
        WebCheck.Kind kind;
        if (!check.command().isEmpty()) {
            kind = WebCheck.Kind.COMMAND;
        } else if (check.path().isPresent()) {
            kind = WebCheck.Kind.HTTP;
        } else if (check.listening().orElse(false)) {
            kind = WebCheck.Kind.LISTENING;
        } else {
            kind = WebCheck.Kind.UPTIME;
        }
        Duration initialDelay = kind == WebCheck.Kind.UPTIME
                ? seconds(check.uptime().or(check::initialDelay), DEFAULT_INITIAL_DELAY)
                : seconds(check.initialDelay(), DEFAULT_INITIAL_DELAY);
        return new WebCheck(
                check.name().orElse("check " + number),
                kind,
                check.path().orElse("/"),
                check.scheme().orElse("http"),
                check.port().orElse(defaultPort),
                check.content().filter(text -> !text.isEmpty()),
                check.command(),
                Math.min(MAX_ATTEMPTS, Math.max(1, check.attempts().orElse(DEFAULT_ATTEMPTS))),
                seconds(check.waitSeconds(), DEFAULT_WAIT),
                seconds(check.timeout(), DEFAULT_TIMEOUT),
                initialDelay,
                check.httpHeaders());
    }

    private static Duration seconds(Optional<Integer> value, Duration fallback) {
        return value.map(s -> Duration.ofSeconds(Math.min(MAX_SECONDS, Math.max(0, s))))
                .orElse(fallback);
    }
}
