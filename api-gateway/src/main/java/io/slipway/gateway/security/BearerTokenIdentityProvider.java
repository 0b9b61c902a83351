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

/**
 * The two identities: whoever presents {@link ApiToken}'s token is the operator ({@link Roles#OPERATOR}), whoever
 * presents {@link WorkerToken}'s is an engine worker ({@link Roles#WORKER}). Each role opens only the endpoints
 * that name it.
 */
@ApplicationScoped
public class BearerTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final SecurityIdentity OPERATOR = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("api-token"))
            .addRole(Roles.OPERATOR)
            .build();

    private static final SecurityIdentity WORKER = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("worker-token"))
            .addRole(Roles.WORKER)
            .build();

    private final ApiToken apiToken;
    private final WorkerToken workerToken;

    public BearerTokenIdentityProvider(ApiToken apiToken, WorkerToken workerToken) {
        this.apiToken = apiToken;
        this.workerToken = workerToken;
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
            return Uni.createFrom().item(OPERATOR);
        }
        if (workerToken.admits(authorization)) {
            return Uni.createFrom().item(WORKER);
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("not a token of this gateway"));
    }
}
