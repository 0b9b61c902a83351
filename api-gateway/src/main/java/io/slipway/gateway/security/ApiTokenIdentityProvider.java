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

/** The API's one identity: whoever presents {@link ApiToken}'s token. */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final QuarkusPrincipal OPERATOR = new QuarkusPrincipal("api-token");

    private final ApiToken token;

    public ApiTokenIdentityProvider(ApiToken token) {
        this.token = token;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!token.admits(request.getToken().getToken())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("not the API token"));
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder().setPrincipal(OPERATOR).build());
    }
}
