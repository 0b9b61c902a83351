package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ReportedProcessRepository implements PanacheRepositoryBase<ReportedProcess, Long> {

    /** When the rows of the pool were reported; empty when it has none. */
    public Optional<Instant> reportedAt(String pool) {
        return find("pool", pool).firstResultOptional().map(ReportedProcess::reportedAt);
    }

    public void deleteOfPool(String pool) {
        delete("pool", pool);
    }

    /** Every reported process, by name. */
    public List<ReportedProcess> listByName() {
        return listAll(Sort.ascending("name").and("containerId"));
    }

    public List<ReportedProcess> ofApp(String app) {
        return list("app", Sort.ascending("name").and("containerId"), app);
    }
}
