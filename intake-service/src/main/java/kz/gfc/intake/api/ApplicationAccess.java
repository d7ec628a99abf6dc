package kz.gfc.intake.api;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import kz.gfc.intake.domain.application.Application;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.web.Caller;
import kz.gfc.kit.web.Roles;
import kz.gfc.kit.web.StaffBranches;

/**
 * Who may read an application: staff of its branch, the provider it is for, and the
 * applicant (or their representative) by the IIN in their token. Anyone else is told it does
 * not exist, so ids cannot be probed.
 */
@RequestScoped
public class ApplicationAccess {

    private final SecurityIdentity identity;
    private final Caller caller;
    private final StaffBranches branches;
    private final Pseudonymizer pseudonyms;
    private final ObjectMapper json;

    public ApplicationAccess(SecurityIdentity identity, Caller caller, StaffBranches branches, Pseudonymizer pseudonyms,
            ObjectMapper json) {
        this.identity = identity;
        this.caller = caller;
        this.branches = branches;
        this.pseudonyms = pseudonyms;
        this.json = json;
    }

    public Application readable(String idText) {
        Application a = find(idText);
        if (mayRead(a)) {
            return a;
        }
        throw ProblemException.notFound("application", idText);
    }

    public Application find(String idText) {
        UUID id;
        try {
            id = UUID.fromString(idText);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("application", "with a malformed id");
        }
        Application a = Application.findById(id);
        if (a == null) {
            throw ProblemException.notFound("application", id);
        }
        return a;
    }

    boolean mayRead(Application a) {
        if ((identity.hasRole(Roles.OPERATOR) || identity.hasRole(Roles.SUPERVISOR))
                && branches.current().contains(a.branchCode)) {
            return true;
        }
        if (identity.hasRole(Roles.PROVIDER) && caller.provider().filter(a.provider::equals).isPresent()) {
            return true;
        }
        if (identity.hasRole(Roles.CITIZEN)) {
            String mine = caller.iin().map(pseudonyms::pseudonym).orElse(null);
            return mine != null && (mine.equals(a.applicantPseudonym) || mine.equals(a.representativePseudonym));
        }
        return false;
    }

    public Map<String, String> sources(Application a) {
        try {
            return json.readValue(a.dataSources, new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored data sources unreadable", e);
        }
    }
}
