package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AppRepository implements PanacheRepositoryBase<App, String> {

    /**
     * The app, unless its removal has started: from then on it is absent to everything that looks an app up by
     * name (reads, changes, deployments, the events of its deployments), while its rows are being forgotten.
     */
    @Override
    public Optional<App> findByIdOptional(String name) {
        return findIncludingRemoved(name).filter(app -> !app.isBeingRemoved());
    }

    /** The app, also while it is being removed: its removal, and whatever must know that its name is taken. */
    public Optional<App> findIncludingRemoved(String name) {
        return Optional.ofNullable(getEntityManager().find(App.class, name));
    }

    /** Apps whose removal started and did not finish (the gateway stopped meanwhile). */
    public List<String> beingRemoved() {
        return getEntityManager()
                .createQuery("select a.name from App a where a.removalStartedAt is not null", String.class)
                .getResultList();
    }

    /**
     * Every app with its current release, formation and process limits, in one query: the list endpoint maps them
     * all, and fetched one by one they would cost a query per app for each.
     */
    public List<App> listNewestFirst() {
        return find("select distinct a from App a left join fetch a.currentRelease left join fetch a.formation"
                        + " left join fetch a.processLimits"
                        + " where a.removalStartedAt is null"
                        + " order by a.createdAt desc, a.name")
                .list();
    }
}
