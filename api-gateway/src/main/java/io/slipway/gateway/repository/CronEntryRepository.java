package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CronEntryRepository implements PanacheRepositoryBase<CronEntryRecord, Long> {

    /** In app.json's order. */
    public List<CronEntryRecord> ofApp(String app) {
        return list("app", Sort.ascending("position"), app);
    }

    public Optional<CronEntryRecord> find(String app, String entryId) {
        return find("app = ?1 and entryId = ?2", app, entryId).firstResultOptional();
    }

    /** Every app's entries that are not suspended, the ones a firing may come from. */
    public List<CronEntryRecord> active() {
        return list("suspended", false);
    }

    public long deleteOfApp(String app) {
        return delete("app", app);
    }
}
