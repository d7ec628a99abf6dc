package kz.gfc.kit.web;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The branches the caller works at: the access token's {@code branch} claim, which the realm
 * fills from the Keycloak groups {@code /branches/<code>} (one code or an array of codes).
 * Every service whose staff act at a branch asks here; none parses the claim itself.
 */
@RequestScoped
public class StaffBranches {

    public static final String CLAIM = "branch";

    private final SecurityIdentity identity;

    public StaffBranches(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Empty when the token names no branch: such staff act nowhere (fail closed). */
    public Set<String> current() {
        // the principal itself, not an injected JsonWebToken: that is a proxy, read only through getClaim
        Object claim = identity != null && identity.getPrincipal() instanceof JsonWebToken jwt
                ? Caller.claimValue(jwt, CLAIM) : null;
        Set<String> out = new LinkedHashSet<>();
        if (claim instanceof Collection<?> array) { // a JsonArray is a List too
            array.forEach(v -> out.add(v instanceof JsonString s ? s.getString() : String.valueOf(v)));
        } else if (claim instanceof JsonString s) {
            out.add(s.getString());
        } else if (claim != null) {
            out.add(claim.toString());
        }
        return out;
    }
}
