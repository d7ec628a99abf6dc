package kz.gfc.issuance.api;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import kz.gfc.issuance.domain.Actor;
import kz.gfc.kit.web.Caller;
import kz.gfc.kit.web.Roles;
import kz.gfc.kit.web.StaffBranches;

/** The current caller as the domain sees it, from the token alone. */
@RequestScoped
public class Actors {

    private final Caller caller;
    private final StaffBranches branches;
    private final SecurityIdentity identity;

    Actors(Caller caller, StaffBranches branches, SecurityIdentity identity) {
        this.caller = caller;
        this.branches = branches;
        this.identity = identity;
    }

    public Actor current() {
        boolean provider = identity.hasRole(Roles.PROVIDER);
        boolean staff = identity.hasRole(Roles.OPERATOR) || identity.hasRole(Roles.SUPERVISOR);
        return new Actor(caller.subject(), staff ? branches.current() : java.util.Set.of(),
                provider && !staff ? caller.provider() : java.util.Optional.empty(),
                identity.hasRole(Roles.AUDITOR) && !staff && !provider);
    }
}
