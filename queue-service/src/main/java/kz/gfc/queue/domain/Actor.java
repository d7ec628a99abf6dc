package kz.gfc.queue.domain;

import java.util.Set;

import kz.gfc.kit.web.Roles;

/** Who acts: the token's principal name and roles. */
public record Actor(String id, Set<String> roles) {

    /** Centre staff may see any ticket of the queue; citizens only their own. */
    public boolean staff() {
        return roles.contains(Roles.OPERATOR) || roles.contains(Roles.SUPERVISOR) || roles.contains(Roles.ADMIN);
    }

    /** A supervisor may act for any window of a branch. */
    public boolean supervisor() {
        return roles.contains(Roles.SUPERVISOR) || roles.contains(Roles.ADMIN);
    }
}
