package io.slipway.gateway.audit;

import io.slipway.gateway.AuditEntryView;
import io.slipway.gateway.InvalidCursorException;
import io.slipway.gateway.Page;
import io.slipway.gateway.PageRequest;
import io.slipway.gateway.repository.AuditEntry;
import io.slipway.gateway.repository.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Reads the audit log, newest first, a page at a time. */
@ApplicationScoped
public class AuditQueries {

    private final AuditRepository entries;

    public AuditQueries(AuditRepository entries) {
        this.entries = entries;
    }

    /** @throws InvalidCursorException when the page's cursor is no entry of the log */
    @Transactional
    public Page<AuditEntryView> page(AuditRepository.Filter filter, PageRequest request) {
        Optional<AuditEntry> after = request.before()
                .map(id -> entries.findByIdOptional(id).orElseThrow(() -> new InvalidCursorException(id)));
        return Page.of(entries.newestFirst(filter, after, request.limitWithOneMore()), request, AuditEntry::id)
                .map(AuditQueries::toView);
    }

    private static AuditEntryView toView(AuditEntry entry) {
        return new AuditEntryView(
                entry.id(),
                entry.at(),
                entry.actor(),
                entry.role(),
                entry.action(),
                entry.app(),
                entry.target(),
                entry.outcome(),
                entry.status(),
                entry.sourceAddress());
    }
}
