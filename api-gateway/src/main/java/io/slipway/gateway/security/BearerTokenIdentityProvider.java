package io.slipway.gateway.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * The identities of bearer tokens: {@link ApiToken}'s is the {@link Roles#ADMIN} {@value Caller#BOOTSTRAP}, a stored
 * token ({@link StoredTokens}, looked up on a worker thread) is its name with its role and app scope, and {@link
 * WorkerToken}'s is an engine worker ({@link Roles#WORKER}). An API identity holds its role and those below it.
 */
@ApplicationScoped
public class BearerTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final String BEARER = "Bearer ";

    private static final SecurityIdentity BOOTSTRAP =
            identityOf(new Caller(Caller.BOOTSTRAP, Roles.ADMIN, Optional.empty()));

    private static final SecurityIdentity WORKER = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("worker-token"))
            .addRole(Roles.WORKER)
            .build();

    private final ApiToken apiToken;
    private final WorkerToken workerToken;
    private final StoredTokens storedTokens;

    public BearerTokenIdentityProvider(ApiToken apiToken, WorkerToken workerToken, StoredTokens storedTokens) {
        this.apiToken = apiToken;
        this.workerToken = workerToken;
        this.storedTokens = storedTokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String authorization = request.getToken().getToken();
        if (apiToken.admits(authorization)) {
            return Uni.createFrom().item(BOOTSTRAP);
        }
        if (workerToken.admits(authorization)) {
            return Uni.createFrom().item(WORKER);
        }
        Optional<String> stored = storedTokenValue(authorization);
        if (stored.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("not a token of this gateway"));
        }
        return context.runBlocking(() -> {
            StoredTokens.Verdict verdict = storedTokens.check(stored.get(), Instant.now());
            if (verdict instanceof StoredTokens.Verdict.Valid valid) {
                return identityOf(valid.caller());
            }
            if (verdict instanceof StoredTokens.Verdict.Expired expired) {
                throw new TokenExpiredException(expired.at());
            }
            throw new AuthenticationFailedException("not a token of this gateway");
        });
    }

    /** The value of a bearer header that may be a stored token; anything else is no token of this gateway. */
    private static Optional<String> storedTokenValue(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String value = authorization.substring(BEARER.length()).strip();
        return value.startsWith(TokenValues.PREFIX) && value.length() <= 100 ? Optional.of(value) : Optional.empty();
    }

    private static SecurityIdentity identityOf(Caller caller) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.actor()))
                .addRoles(Roles.heldBy(caller.role()))
                .addAttribute(Caller.ATTRIBUTE, caller)
                .build();
    }
}
