package kz.gfc.queue.api;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import kz.gfc.queue.domain.Actor;

/** The caller of the current request as the domain sees it. */
@RequestScoped
public class Actors {

    /** The token claim naming the branch(es) a member of staff works at: one code or an array of codes. */
    static final String BRANCH_CLAIM = "branch";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public Actor current() {
        return new Actor(identity.getPrincipal().getName(), identity.getRoles(), branches());
    }

    private Set<String> branches() {
        Object claim = jwt == null ? null : jwt.getClaim(BRANCH_CLAIM);
        Set<String> out = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(v -> out.add(v instanceof JsonString s ? s.getString() : v.toString()));
        } else if (claim instanceof JsonString s) {
            out.add(s.getString());
        } else if (claim != null) {
            out.add(claim.toString());
        }
        return out;
    }
}
