package io.slipway.cli.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.Map;

/** An app's container limits: the task containers' and each process type's. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Limits(ContainerLimits task, Map<String, ContainerLimits> processes) {

    /** @param memory e.g. {@code 256m}; null for none */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContainerLimits(String memory, BigDecimal cpus) {}
}
