package io.slipway.cli.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

@JsonIgnoreProperties(ignoreUnknown = true)
public record Deployment(
        String id,
        String app,
        String kind,
        String status,
        String image,
        String releaseImage,
        String reason,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        List<Phase> phases) {

    public static final String SUCCEEDED = "SUCCEEDED";

    /** Whether the deployment has ended, whatever the outcome. */
    public boolean hasEnded() {
        return SUCCEEDED.equals(status) || "FAILED".equals(status) || "CANCELLED".equals(status);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Phase(
            String phase,
            String status,
            String command,
            Integer exitCode,
            Instant startedAt,
            Instant finishedAt,
            String reason) {}
}
