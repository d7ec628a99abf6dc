package kz.gfc.consent.api;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import kz.gfc.consent.domain.Accessor;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;
import kz.gfc.kit.web.Caller;
import kz.gfc.kit.web.Roles;

/** Who the token says is calling, as the access log and the evidence record it. Never from a body. */
@RequestScoped
public class Accessors {

    /** The organisation staff act for: GfC itself. */
    static final String GFC = "GFC";

    private final Caller caller;
    private final SecurityIdentity identity;

    public Accessors(Caller caller, SecurityIdentity identity) {
        this.caller = caller;
        this.identity = identity;
    }

    public Accessor current() {
        boolean staff = identity.hasRole(Roles.OPERATOR) || identity.hasRole(Roles.SUPERVISOR);
        String organisation = caller.provider().orElseGet(() -> staff ? GFC : client());
        return new Accessor(caller.subject(), organisation, staff ? caller.displayName() : null);
    }

    /** The signed-in citizen's own IIN; a citizen token without one cannot act on consents. */
    public Iin citizen() {
        return caller.iin().orElseThrow(() -> new ProblemException(403, "no-iin", "Forbidden",
                "the token names no valid IIN", Text.of("Кіру ЖСН-сыз жасалған", "Вход выполнен без ИИН"), null));
    }

    /** A service's client id ({@code azp}), else its subject. */
    private String client() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object azp = token.getClaim("azp");
            String s = azp instanceof jakarta.json.JsonString js ? js.getString() : azp == null ? "" : azp.toString();
            if (!s.isBlank()) {
                return s;
            }
        }
        return caller.subject();
    }
}
