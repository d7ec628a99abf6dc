package kz.gfc.kit.web;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who calls, as a key to own data by: the access token's subject ({@code sub}, Keycloak's
 * user id). The principal's name is {@code preferred_username} for Keycloak, which an admin
 * can rename and then hand to someone else; whatever a service keys by the caller (tickets,
 * bookings, idempotency keys) must use {@link #subject()} instead.
 */
@ApplicationScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The current caller's subject; a token without one is refused (401), never keyed by name. */
    public String subject() {
        return subjectOf(identity);
    }

    static String subjectOf(SecurityIdentity identity) {
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token
                && token.getSubject() != null && !token.getSubject().isBlank()) {
            return token.getSubject();
        }
        throw new AuthenticationFailedException("the access token names no subject (sub)");
    }
}
