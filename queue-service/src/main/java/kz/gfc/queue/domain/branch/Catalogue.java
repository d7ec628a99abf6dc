package kz.gfc.queue.domain.branch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;
import kz.gfc.queue.domain.window.ServiceWindow;

/** Looks up branches, categories and windows the same way everywhere: unknown → 404, not served → 422. */
@ApplicationScoped
public class Catalogue {

    @Inject
    EntityManager em;

    /** A window in service, locked for the rest of the transaction; a retired one is gone (404). */
    public ServiceWindow lockWindow(long id) {
        ServiceWindow w = em.find(ServiceWindow.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (w == null || w.retiredAt != null) {
            throw ProblemException.notFound("window", id);
        }
        return w;
    }

    public Branch branch(String code) {
        Branch b = code == null ? null : Branch.findById(code);
        if (b == null) {
            throw ProblemException.notFound("branch", code);
        }
        return b;
    }

    public ServiceCategory category(String code) {
        ServiceCategory c = code == null ? null : ServiceCategory.findById(code);
        if (c == null) {
            throw ProblemException.notFound("service category", code);
        }
        return c;
    }

    /** The category, if the branch serves it. */
    public ServiceCategory servedCategory(Branch branch, String code) {
        ServiceCategory c = category(code);
        if (!branch.categories.contains(c.code)) {
            throw ProblemException.unprocessable("category-not-served",
                    "Branch " + branch.code + " does not serve category " + c.code,
                    Text.of("Бұл филиал таңдалған қызмет түрін көрсетпейді",
                            "Этот филиал не оказывает выбранный вид услуг"),
                    new Problem.FieldError("category", "not served by this branch"));
        }
        return c;
    }
}
