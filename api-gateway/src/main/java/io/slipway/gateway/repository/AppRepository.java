package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AppRepository implements PanacheRepositoryBase<App, String> {

    public List<App> listNewestFirst() {
        return listAll(Sort.descending("createdAt").and("name"));
    }
}
