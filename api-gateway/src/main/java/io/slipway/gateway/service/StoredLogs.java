package io.slipway.gateway.service;

import io.slipway.gateway.LogEvent;
import io.slipway.gateway.mapping.LogEventMapper;
import io.slipway.gateway.repository.DeploymentRepository;
import io.slipway.gateway.repository.LogLineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The stored side of a deployment's logs stream, each read in a transaction of its own: the stream
 * reads them on reactive worker threads, outside any request.
 */
@ApplicationScoped
public class StoredLogs {

    private final DeploymentRepository deployments;
    private final LogLineRepository lines;

    public StoredLogs(DeploymentRepository deployments, LogLineRepository lines) {
        this.deployments = deployments;
        this.lines = lines;
    }

    /** The lines stored after {@code seq}, and whether the deployment had ended when they were read. */
    public record Since(List<LogEvent> lines, boolean ended) {}

    /** At most {@code limit} stored lines after {@code seq}, in order. */
    @Transactional
    public List<LogEvent> page(String deploymentId, long seq, int limit) {
        return lines.after(deploymentId, seq, limit).stream()
                .map(LogEventMapper::toEvent)
                .toList();
    }

    /** Every line stored after {@code seq}, read in one transaction with the deployment's status. */
    @Transactional
    public Since since(String deploymentId, long seq) {
        return new Since(
                lines.after(deploymentId, seq).stream()
                        .map(LogEventMapper::toEvent)
                        .toList(),
                deployments
                        .findByIdOptional(deploymentId)
                        .map(deployment -> !deployment.isActive())
                        .orElse(true));
    }
}
