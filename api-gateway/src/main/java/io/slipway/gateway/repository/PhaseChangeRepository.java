package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PhaseChangeRepository implements PanacheRepositoryBase<PhaseChange, Long> {

    /** At most {@code limit} of the deployment's phase changes after {@code seq}, in order. */
    public List<PhaseChange> after(String deploymentId, long seq, int limit) {
        return find("deploymentId = ?1 and seq > ?2", Sort.ascending("seq"), deploymentId, seq)
                .range(0, limit - 1)
                .list();
    }

    /** The deployment's phase changes after {@code seq}, in order. */
    public List<PhaseChange> after(String deploymentId, long seq) {
        return list("deploymentId = ?1 and seq > ?2", Sort.ascending("seq"), deploymentId, seq);
    }
}
