package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class WorkerRepository implements PanacheRepositoryBase<WorkerRecord, String> {

    /** Most recently heard first. */
    public List<WorkerRecord> listRecentFirst() {
        return listAll(Sort.descending("lastSeen").and("id"));
    }
}
