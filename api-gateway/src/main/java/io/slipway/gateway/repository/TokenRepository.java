package io.slipway.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TokenRepository implements PanacheRepositoryBase<TokenRecord, String> {

    public Optional<TokenRecord> byValueHash(String valueHash) {
        return find("valueHash", valueHash).firstResultOptional();
    }

    public boolean nameTaken(String name) {
        return count("name", name) > 0;
    }

    /** Newest first, revoked ones included: the list is also the register of who the audit log's actors were. */
    public List<TokenRecord> newestFirst() {
        return listAll(Sort.descending("createdAt", "id"));
    }
}
