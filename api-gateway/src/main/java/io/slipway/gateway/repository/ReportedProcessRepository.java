package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ReportedProcessRepository implements PanacheRepositoryBase<ReportedProcess, Long> {

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
