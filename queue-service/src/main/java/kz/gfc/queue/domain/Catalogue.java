package kz.gfc.queue.domain;

import jakarta.enterprise.context.ApplicationScoped;

import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/** Looks up branches and categories the same way everywhere: unknown → 404, not served → 422. */
@ApplicationScoped
public class Catalogue {

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
