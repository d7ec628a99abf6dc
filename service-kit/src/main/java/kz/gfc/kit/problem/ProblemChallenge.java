package kz.gfc.kit.problem;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import kz.gfc.kit.web.CorrelationIds;

/**
 * The OIDC bearer mechanism, unchanged, except that its 401 challenge carries a
 * problem+json body: the path policy that denies anonymous calls ends the response right
 * after the challenge, so no exception mapper or failure handler ever sees that 401.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ProblemChallenge implements HttpAuthenticationMechanism {

    @Inject
    OidcAuthenticationMechanism oidc;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return oidc.authenticate(context, identityProviderManager);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return oidc.getChallenge(context).map(challenge -> {
            if (context.response().ended()) {
                return true;
            }
            int status = challenge == null ? 401 : challenge.status;
            Language lang = Language.fromAcceptLanguage(context.request().getHeader("Accept-Language"));
            Problem p = Problems.generic(status, "A valid bearer token is required", lang, context.request().path(),
                    CorrelationIds.of(context));
            var response = context.response().setStatusCode(status);
            if (challenge != null && challenge.getHeaders() != null) {
                challenge.getHeaders().forEach((name, value) -> response.putHeader(name.toString(), value));
            }
            if (!response.headers().contains("WWW-Authenticate")) {
                response.putHeader("WWW-Authenticate", "Bearer realm=\"gfc\"");
            }
            response.putHeader("Content-Type", Problem.MEDIA_TYPE).end(Json.encode(p));
            return true;
        });
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority() + 1;
    }
}
