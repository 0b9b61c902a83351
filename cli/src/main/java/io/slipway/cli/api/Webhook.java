package io.slipway.cli.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

@JsonIgnoreProperties(ignoreUnknown = true)
public record Webhook(String id, String url, List<String> events, Instant createdAt) {}
