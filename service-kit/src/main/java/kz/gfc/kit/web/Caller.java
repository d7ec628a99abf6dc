package kz.gfc.kit.web;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import kz.gfc.kit.iin.Iin;

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

    /** The claim naming a person's IIN: citizens sign in with it (as on egov.kz); staff carry it for their EDS. */
    public static final String IIN_CLAIM = "iin";
    /** The claim naming the state body a provider system's client acts for (e.g. {@code MVD}). */
    public static final String PROVIDER_CLAIM = "provider";

    /**
     * The caller's own IIN from the token's {@code iin} claim, or empty when it names none or
     * an invalid one. The one way a citizen's identity enters a service: never from a body.
     */
    public Optional<Iin> iin() {
        return claim(identity, IIN_CLAIM).filter(Iin::isValid).map(Iin::of);
    }

    /** The state body a provider system acts for, from the token's {@code provider} claim. */
    public Optional<String> provider() {
        return claim(identity, PROVIDER_CLAIM);
    }

    /**
     * The person's full name from the token: {@code name}, else given and family names; empty
     * when it names neither (a nameplate or a receipt must then refuse, not print a login).
     */
    public Optional<String> fullName() {
        Optional<String> name = claim(identity, "name");
        if (name.isPresent()) {
            return name;
        }
        String joined = (claim(identity, "given_name").orElse("") + " " + claim(identity, "family_name").orElse("")).trim();
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }

    /** {@link #fullName()}, else the login, else the subject: for a line that must name someone. */
    public String displayName() {
        return fullName().or(() -> claim(identity, "preferred_username")).orElseGet(this::subject);
    }

    /** A string claim of the caller's token, trimmed; empty when absent or blank. */
    public Optional<String> claim(String name) {
        return claim(identity, name);
    }

    static Optional<String> claim(SecurityIdentity identity, String name) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        Object value = claimValue(token, name);
        if (value instanceof jakarta.json.JsonString s) {
            value = s.getString();
        }
        return value instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }

    /**
     * A claim's value as the token carries it (a String or a JSON value, a list or a JSON array),
     * or null. Not through {@link JsonWebToken#getClaim}: for every name outside MicroProfile
     * JWT's own list ({@code iin}, {@code provider}, {@code branch}, {@code name}…) that throws
     * and catches an exception inside, and filling its stack trace cost a few percent of a
     * service's CPU on every request.
     */
    static Object claimValue(JsonWebToken token, String name) {
        if (token instanceof OidcJwtCallerPrincipal oidc) {
            return oidc.getClaims().getClaimValue(name);
        }
        return token.getClaim(name);
    }
}
