package io.slipway.gateway.logs;

import java.time.Instant;
import java.util.Optional;

/**
 * What a client asked of an app's logs, checked at the REST edge.
 *
 * @param processType one process type, or empty for all
 */
public record AppLogQuery(Optional<String> processType, int tail, Optional<Instant> since, boolean follow) {}
