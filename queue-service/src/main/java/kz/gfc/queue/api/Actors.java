package kz.gfc.queue.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;
import kz.gfc.kit.web.StaffBranches;
import kz.gfc.queue.domain.Actor;

/** The caller of the current request as the domain sees it. */
@RequestScoped
public class Actors {

    @Inject
    SecurityIdentity identity;

    @Inject
    StaffBranches branches;

    public Actor current() {
        return new Actor(identity.getPrincipal().getName(), identity.getRoles(), branches.current());
    }
}
