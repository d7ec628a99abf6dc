package kz.gfc.issuance.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Who acts, as the token says: the subject, the branches staff work at, the provider a
 * provider system acts for. Built by the API from {@code Caller} and {@code StaffBranches};
 * never from a request body.
 */
public record Actor(String subject, Set<String> branches, Optional<String> provider, boolean auditor) {

    public static Actor system(String name) {
        return new Actor("system:" + name, Set.of(), Optional.empty(), false);
    }
}
