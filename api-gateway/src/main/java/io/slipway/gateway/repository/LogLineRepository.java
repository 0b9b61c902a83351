package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class LogLineRepository implements PanacheRepositoryBase<LogLine, Long> {

    /** The deployment's lines after {@code seq}, in order. */
    public List<LogLine> after(String deploymentId, long seq) {
        return list("deploymentId = ?1 and seq > ?2", Sort.ascending("seq"), deploymentId, seq);
    }
}
