package kz.gfc.queue.api;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;
import kz.gfc.kit.web.Caller;
import kz.gfc.kit.web.StaffBranches;
import kz.gfc.queue.domain.Actor;
import kz.gfc.queue.domain.window.StaffMember;

/** The caller of the current request as the domain sees it. */
@RequestScoped
public class Actors {

    private final SecurityIdentity identity;
    private final StaffBranches branches;
    private final Caller caller;

    public Actors(SecurityIdentity identity, StaffBranches branches, Caller caller) {
        this.identity = identity;
        this.branches = branches;
        this.caller = caller;
    }

    /**
     * Tickets and bookings belong to, and staff act as, the token's subject: a login name can be
     * renamed and handed to someone else, the subject cannot.
     */
    public Actor current() {
        String id = identity.isAnonymous() ? identity.getPrincipal().getName() : caller.subject();
        return new Actor(id, identity.getRoles(), branches.current());
    }

    /** The R6 nameplate: who the operator is and their position. */
    public record Nameplate(String fullName, String position) {
    }

    /**
     * The signed-in operator's nameplate: the full name is the token's ({@code name}, else given
     * and family names), the position the token's {@code position} claim or the staff directory's
     * line for their login. Never the request body: a nameplate is an identity, not an input.
     */
    public Nameplate nameplate() {
        String name = caller.fullName().orElse(null);
        String login = identity.getPrincipal().getName();
        String position = caller.claim(POSITION_CLAIM)
                .or(() -> Optional.ofNullable(login).map(l -> StaffMember.<StaffMember>findById(l)).map(m -> m.position))
                .orElse(null);
        if (name == null || position == null) {
            throw ProblemException.unprocessable("nameplate-required",
                    (name == null ? "The sign-in names no full name" : "The staff directory has no position for " + login)
                            + "; the nameplate needs both (R6)",
                    Text.of("Терезе тақтайшасы үшін аты-жөніңіз бен лауазымыңыз қызметкерлер анықтамалығында болуы керек",
                            "Для таблички окна нужны ваши ФИО и должность в справочнике сотрудников"),
                    new Problem.FieldError(name == null ? "fullName" : "position", "not in the token or the staff directory"));
        }
        return new Nameplate(name, position);
    }

    static final String POSITION_CLAIM = "position";

    /**
     * Whose IIN a booking or ticket is for. A citizen acts only as themself: their IIN is their
     * token's, and one named in the body must be that same IIN. Only staff (an operator or a
     * kiosk issuing for a walk-in) may name another person's IIN.
     *
     * @param required whether the action needs an IIN at all (a booking does; a ticket may go without)
     */
    public Iin applicant(Iin named, boolean required) {
        Actor actor = current();
        if (actor.staff()) {
            return named;
        }
        Optional<Iin> own = caller.iin();
        if (named != null && !own.map(named::equals).orElse(false)) {
            throw new ProblemException(403, "iin-not-yours", "Forbidden",
                    "A citizen acts only under the IIN of their own sign-in",
                    Text.of("Тек өз ЖСН-іңізбен әрекет ете аласыз", "Можно действовать только под своим ИИН"), null);
        }
        if (required && own.isEmpty()) {
            throw new ProblemException(403, "no-iin-in-token", "Forbidden",
                    "The sign-in names no IIN (token claim iin); sign in with your IIN",
                    Text.of("Кіру кезінде ЖСН көрсетілмеген: ЖСН арқылы кіріңіз",
                            "При входе не указан ИИН: войдите по ИИН"), null);
        }
        return own.orElse(null);
    }
}
