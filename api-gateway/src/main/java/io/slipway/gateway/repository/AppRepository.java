package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AppRepository implements PanacheRepositoryBase<App, String> {

    /**
     * Every app with its current release, formation and process limits, in one query: the list endpoint maps them
     * all, and fetched one by one they would cost a query per app for each.
     */
    public List<App> listNewestFirst() {
        return find("select distinct a from App a left join fetch a.currentRelease left join fetch a.formation"
                        + " left join fetch a.processLimits"
                        + " order by a.createdAt desc, a.name")
                .list();
    }
}
