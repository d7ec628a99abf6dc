package kz.gfc.queue.domain;

import java.util.Set;

import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;
import kz.gfc.kit.web.Roles;
import kz.gfc.queue.domain.branch.Branch;

/**
 * Who acts: the token's principal name, roles, and the branches a member of staff works at
 * (the token's {@code branch} claim, from the Keycloak user attribute of the same name).
 */
public record Actor(String id, Set<String> roles, Set<String> branches) {

    public Actor(String id, Set<String> roles) {
        this(id, roles, Set.of());
    }

    /** Operators, supervisors and admins; where they may act is {@link #worksAt}. */
    public boolean staff() {
        return roles.contains(Roles.OPERATOR) || roles.contains(Roles.SUPERVISOR) || roles.contains(Roles.ADMIN);
    }

    /** A supervisor may act for any window of their branch. */
    public boolean supervisor() {
        return roles.contains(Roles.SUPERVISOR) || roles.contains(Roles.ADMIN);
    }

    /**
     * Staff act at their own branches only: an operator in Almaty neither calls nor reads the
     * tickets of Astana. Admins act everywhere. No branch in the token means none (fail closed).
     */
    public boolean worksAt(String branchCode) {
        return roles.contains(Roles.ADMIN) || (staff() && branches.contains(branchCode));
    }

    public void requireWorksAt(String branchCode) {
        if (!worksAt(branchCode)) {
            throw new ProblemException(403, "not-your-branch", "Forbidden",
                    branches.isEmpty() ? "No branch is assigned to " + id + " (token claim branch)"
                            : "Branch " + branchCode + " is not among " + id + "'s branches " + branches,
                    Text.of("Сіз бұл филиалда жұмыс істемейсіз", "Вы не работаете в этом филиале"), null);
        }
    }
}
