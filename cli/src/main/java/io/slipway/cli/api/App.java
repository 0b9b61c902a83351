package io.slipway.cli.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An app as the gateway shows it; fields the CLI does not show are ignored, so newer gateways stay readable. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record App(
        String name,
        Instant createdAt,
        String pool,
        String state,
        Release currentRelease,
        LatestDeployment latestDeployment,
        Map<String, Integer> formation,
        List<ProcessContainer> processes,
        String url,
        Limits limits) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Release(String deploymentId, String image, String releaseImage, Instant deployedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LatestDeployment(String id, String status, Instant createdAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProcessContainer(String type, String name, String containerId, String state, String address) {}
}
