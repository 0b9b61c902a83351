package io.slipway.cli.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** A one-off run of a command in the app's current release (SPEC §10). */
/** Read by hand from a run stream's last event, hence registered for a native image. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Run(
        String id,
        String app,
        String command,
        String status,
        Integer exitCode,
        Instant createdAt,
        Instant finishedAt,
        String reason) {

    public static final String SUCCEEDED = "SUCCEEDED";

    public static final String FAILED = "FAILED";
}
