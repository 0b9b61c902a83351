package io.slipway.cli.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The bodies the CLI sends. Absent fields stay out of the JSON, so the gateway applies its defaults. */
public final class Requests {

    private Requests() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateApp(String name, String pool) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeployImage(String image, Long taskTimeoutSeconds, Boolean dryRun) {}

    public record Rollback(String release) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewWebhook(String url, String secret, List<String> events) {}

    /** {@code PATCH /apps/{app}} with only the limits. */
    public record LimitsChange(Limits limits) {}

    /** {@code env} is sent only here, in the body: never in a URL, a log or the output. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewRun(String command, Long timeoutSeconds, Map<String, String> env, Boolean interactive) {

        /** A run that is not interactive; {@code interactive} is left out of the body. */
        public NewRun(String command, Long timeoutSeconds, Map<String, String> env) {
            this(command, timeoutSeconds, env, null);
        }
    }

    /** No type restarts every process type. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Restart(String type) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewToken(String name, String role, List<String> apps, Instant expiresAt) {}

    /** Suspends or resumes a cron entry. */
    public record CronChange(boolean suspended) {}
}
