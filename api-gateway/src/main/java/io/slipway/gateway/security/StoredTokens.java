package io.slipway.gateway.security;

import io.slipway.gateway.repository.TokenRecord;
import io.slipway.gateway.repository.TokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;

/**
 * Looks a presented token up by its hash, in the database, on every request: a token revoked on one gateway replica
 * is refused by every other at its next request, with no cache to wait for.
 */
@ApplicationScoped
public class StoredTokens {

    /** What a presented value turned out to be. */
    public sealed interface Verdict {

        record Valid(Caller caller) implements Verdict {}

        record Expired(Instant at) implements Verdict {}

        /** Unknown or revoked: a revoked token answers as one that never existed. */
        record Unknown() implements Verdict {}
    }

    private final TokenRepository tokens;

    public StoredTokens(TokenRepository tokens) {
        this.tokens = tokens;
    }

    @Transactional
    public Verdict check(String value, Instant now) {
        Optional<TokenRecord> found = tokens.byValueHash(TokenValues.hash(value))
                .filter(token -> token.revokedAt().isEmpty());
        if (found.isEmpty()) {
            return new Verdict.Unknown();
        }
        TokenRecord token = found.get();
        if (token.expiresAt().filter(at -> !at.isAfter(now)).isPresent()) {
            return new Verdict.Expired(token.expiresAt().get());
        }
        return new Verdict.Valid(
                new Caller(token.name(), token.role(), token.apps().map(HashSet::new)));
    }
}
