package io.slipway.gateway.audit;

import io.slipway.gateway.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * What the audit log knows of the request at hand: its caller once authenticated, the route the router matched,
 * the source address, and whether its change was already recorded in the change's own transaction.
 */
@RequestScoped
public class RequestAudit {

    private Caller caller;
    private String route;
    private String sourceAddress;
    private boolean recorded;

    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    public void caller(Caller caller) {
        this.caller = caller;
    }

    /** The matched route, as {@code METHOD /template}; empty before matching and for a path no route matches. */
    public Optional<String> route() {
        return Optional.ofNullable(route);
    }

    public void route(String route) {
        this.route = route;
    }

    public String sourceAddress() {
        return sourceAddress;
    }

    public void sourceAddress(String sourceAddress) {
        this.sourceAddress = sourceAddress;
    }

    public boolean recorded() {
        return recorded;
    }

    void markRecorded() {
        recorded = true;
    }

    /** A refusal recorded where it was made, so the answer's filter does not record it again. */
    public void markRefusalRecorded() {
        recorded = true;
    }
}
