package kz.gfc.queue.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;
import kz.gfc.kit.web.Caller;
import kz.gfc.kit.web.StaffBranches;
import kz.gfc.queue.domain.Actor;

/** The caller of the current request as the domain sees it. */
@RequestScoped
public class Actors {

    @Inject
    SecurityIdentity identity;

    @Inject
    StaffBranches branches;

    @Inject
    Caller caller;

    /**
     * Tickets and bookings belong to, and staff act as, the token's subject: a login name can be
     * renamed and handed to someone else, the subject cannot.
     */
    public Actor current() {
        String id = identity.isAnonymous() ? identity.getPrincipal().getName() : caller.subject();
        return new Actor(id, identity.getRoles(), branches.current());
    }
}
