package io.slipway.gateway.service;

import io.slipway.gateway.CreatedToken;
import io.slipway.gateway.InvalidFieldException;
import io.slipway.gateway.Page;
import io.slipway.gateway.PageRequest;
import io.slipway.gateway.StateConflictException;
import io.slipway.gateway.TokenView;
import io.slipway.gateway.audit.AuditLog;
import io.slipway.gateway.repository.AppRepository;
import io.slipway.gateway.repository.TokenRecord;
import io.slipway.gateway.repository.TokenRepository;
import io.slipway.gateway.security.Caller;
import io.slipway.gateway.security.Roles;
import io.slipway.gateway.security.TokenValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates, lists and revokes the API tokens. Each change is recorded in the audit log in its own transaction; a
 * token's value leaves only in its creation's answer.
 */
@ApplicationScoped
public class TokenService {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_APPS = 100;

    /** What a creation asks for; {@code apps} null for every app, {@code expiresAt} null for never. */
    public record NewToken(String name, String role, List<String> apps, Instant expiresAt) {}

    private final TokenRepository tokens;
    private final AppRepository apps;
    private final AuditLog audit;

    public TokenService(TokenRepository tokens, AppRepository apps, AuditLog audit) {
        this.tokens = tokens;
        this.apps = apps;
        this.audit = audit;
    }

    /**
     * @throws InvalidFieldException when a field is out of bounds
     * @throws StateConflictException when the name is taken
     */
    @Transactional
    public CreatedToken create(NewToken request, Instant now) {
        if (request == null) {
            throw new InvalidFieldException(
                    "name", "a JSON object {\"name\", \"role\", \"apps\"?, \"expiresAt\"?} is required");
        }
        String name = checkedName(request.name());
        if (request.role() == null || !Roles.isApiRole(request.role())) {
            throw new InvalidFieldException("role", "one of " + String.join(", ", Roles.API_ROLES));
        }
        Optional<List<String>> scope = checkedApps(request.apps());
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw new InvalidFieldException("expiresAt", "a time in the future, not " + request.expiresAt());
        }
        if (name.equals(Caller.BOOTSTRAP) || tokens.nameTaken(name)) {
            throw new StateConflictException("name: a token named " + name + " exists or existed; choose another");
        }
        String value = TokenValues.generate();
        TokenRecord token = new TokenRecord(
                UUID.randomUUID().toString(),
                name,
                request.role(),
                scope,
                TokenValues.hash(value),
                now,
                audit.actor().orElse(Caller.BOOTSTRAP),
                Optional.ofNullable(request.expiresAt()));
        tokens.persist(token);
        audit.recordChange(null, token.id());
        TokenView view = toView(token);
        return new CreatedToken(
                view.id(),
                view.name(),
                view.role(),
                view.apps(),
                view.createdAt(),
                view.createdBy(),
                view.expiresAt(),
                value);
    }

    /** Newest first, revoked ones included. */
    @Transactional
    public Page<TokenView> list(PageRequest request) {
        return Page.slice(
                tokens.newestFirst().stream().map(TokenService::toView).toList(), request, TokenView::id);
    }

    /** Revokes it at once: the next request with it, on any replica, is refused. Empty when there is no such token. */
    @Transactional
    public Optional<TokenView> revoke(String id, Instant now) {
        return tokens.findByIdOptional(id).map(token -> {
            token.revoke(now);
            audit.recordChange(null, id);
            return toView(token);
        });
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidFieldException("name", "1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new InvalidFieldException("name", "no control characters");
        }
        return name;
    }

    private Optional<List<String>> checkedApps(List<String> names) {
        if (names == null) {
            return Optional.empty();
        }
        if (names.isEmpty() || names.size() > MAX_APPS) {
            throw new InvalidFieldException(
                    "apps", "1 to " + MAX_APPS + " app names, or no apps field for a token of every app");
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String app : names) {
            if (app == null || apps.findByIdOptional(app).isEmpty()) {
                throw new InvalidFieldException("apps", "no app named " + app);
            }
            unique.add(app);
        }
        return Optional.of(List.copyOf(unique));
    }

    private static TokenView toView(TokenRecord token) {
        return new TokenView(
                token.id(),
                token.name(),
                token.role(),
                token.apps().orElse(null),
                token.createdAt(),
                token.createdBy(),
                token.expiresAt().orElse(null),
                token.revokedAt().orElse(null));
    }
}
