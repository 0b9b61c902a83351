package io.slipway.gateway.service;

import io.slipway.gateway.StreamEvent;
import io.slipway.gateway.mapping.LogEventMapper;
import io.slipway.gateway.repository.DeploymentRepository;
import io.slipway.gateway.repository.LogLineRepository;
import io.slipway.gateway.repository.PhaseChangeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The stored side of a deployment's logs stream, lines and phase changes merged in seq order, each
 * read in a transaction of its own: the stream reads them on reactive worker threads, outside any
 * request.
 */
@ApplicationScoped
public class StoredLogs {

    private final DeploymentRepository deployments;
    private final LogLineRepository lines;
    private final PhaseChangeRepository phaseChanges;

    public StoredLogs(DeploymentRepository deployments, LogLineRepository lines, PhaseChangeRepository phaseChanges) {
        this.deployments = deployments;
        this.lines = lines;
        this.phaseChanges = phaseChanges;
    }

    /** The events stored after {@code seq}, and whether the deployment had ended when they were read. */
    public record Since(List<StreamEvent> events, boolean ended) {}

    /**
     * At most {@code limit} stored events after {@code seq}, in order. Each table gives up to
     * {@code limit} of its own, so the first {@code limit} of the merge are the first of both.
     */
    @Transactional
    public List<StreamEvent> page(String deploymentId, long seq, int limit) {
        return inOrder(
                        lines.after(deploymentId, seq, limit).stream().map(LogEventMapper::toEvent),
                        phaseChanges.after(deploymentId, seq, limit).stream().map(LogEventMapper::toEvent))
                .limit(limit)
                .toList();
    }

    /**
     * At most {@code limit} events stored after {@code seq}, read in one transaction with the deployment's status:
     * when it has ended and fewer than {@code limit} came, they are its last.
     */
    @Transactional
    public Since pageSince(String deploymentId, long seq, int limit) {
        return new Since(page(deploymentId, seq, limit), ended(deploymentId));
    }

    private boolean ended(String deploymentId) {
        return deployments
                .findByIdOptional(deploymentId)
                .map(deployment -> !deployment.isActive())
                .orElse(true);
    }

    /** Every event stored after {@code seq}, read in one transaction with the deployment's status. */
    @Transactional
    public Since since(String deploymentId, long seq) {
        return new Since(
                inOrder(
                                lines.after(deploymentId, seq).stream().map(LogEventMapper::toEvent),
                                phaseChanges.after(deploymentId, seq).stream().map(LogEventMapper::toEvent))
                        .toList(),
                ended(deploymentId));
    }

    private static Stream<StreamEvent> inOrder(
            Stream<? extends StreamEvent> lines, Stream<? extends StreamEvent> phaseChanges) {
        return Stream.<StreamEvent>concat(lines, phaseChanges).sorted(Comparator.comparingLong(StreamEvent::seq));
    }
}
