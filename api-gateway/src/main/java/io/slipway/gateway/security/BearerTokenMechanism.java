package io.slipway.gateway.security;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code Authorization} header (on a WebSocket handshake without one, the token its subprotocols carry:
 * {@link SubprotocolToken}) and hands it to {@link BearerTokenIdentityProvider}. It only
 * authenticates; what needs authentication is decided by the endpoint the router matched (every API
 * resource is {@code @Authenticated}). With {@code quarkus.http.auth.proactive=false} it runs only for
 * those endpoints, so a wrong header on an open path ({@code /q/*}, the web UI) is not even read. Each failure
 * counts against the caller's address ({@link FailedAuthentications}), which is refused while it failed too often.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    /** The challenge of every 401. */
    public static final String CHALLENGE = "Bearer realm=\"slipway\"";

    private static final String SCHEME = "bearer";

    private final FailedAuthentications failures;

    public BearerTokenMechanism(FailedAuthentications failures) {
        this.failures = failures;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = authorization(context);
        if (authorization == null) {
            // No credentials: anonymous, which an @Authenticated endpoint refuses with a 401.
            return Uni.createFrom().nullItem();
        }
        String address = SourceAddress.of(context.request());
        Optional<FailedAuthentications.Refusal> refused = failures.refuses(address, Instant.now());
        if (refused.isPresent()) {
            return Uni.createFrom().failure(new TooManyFailedAuthenticationsException(refused.get()));
        }
        // The whole header value: the identity provider is the one place that reads the scheme and the token.
        return identities
                .authenticate(new TokenAuthenticationRequest(new TokenCredential(authorization, SCHEME)))
                .onFailure(failure -> failure instanceof AuthenticationException)
                .invoke(() -> failures.failed(address, Instant.now()));
    }

    /** The {@code Authorization} header; on a WebSocket handshake without one, the token its subprotocols carry. */
    private static String authorization(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null || !"websocket".equalsIgnoreCase(context.request().getHeader(HttpHeaders.UPGRADE))) {
            return header;
        }
        return SubprotocolToken.authorization(context.request().getHeader(SubprotocolToken.HEADER))
                .orElse(null);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }
}
