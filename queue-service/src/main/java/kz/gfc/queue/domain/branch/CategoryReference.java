package kz.gfc.queue.domain.branch;

import kz.gfc.kit.problem.Text;

/** A service category as {@link Branches} keeps it in memory: an immutable copy of its row. */
public final class CategoryReference {

    public final String code;
    public final String letter;
    public final String nameKk;
    public final String nameRu;
    public final ServiceCategory.Kind kind;
    public final int expectedMinutes;

    CategoryReference(ServiceCategory c) {
        this.code = c.code;
        this.letter = c.letter;
        this.nameKk = c.nameKk;
        this.nameRu = c.nameRu;
        this.kind = c.kind;
        this.expectedMinutes = c.expectedMinutes;
    }

    public Text name() {
        return Text.of(nameKk, nameRu);
    }
}
