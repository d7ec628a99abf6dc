package kz.gfc.consent.domain;

import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/**
 * A wrong one-time code. Unlike other refusals it commits: the attempt must be counted, or
 * the five-try limit could be walked around by guessing for ever.
 */
public class CodeRefused extends ProblemException {

    public CodeRefused(int attemptsLeft) {
        super(422, attemptsLeft > 0 ? "code-wrong" : "code-attempts-exhausted", "Unprocessable request",
                attemptsLeft > 0 ? "the code does not match" : "the code does not match and no attempts are left",
                attemptsLeft > 0
                        ? Text.of("Код қате. Қалған әрекет саны: " + attemptsLeft,
                                "Неверный код. Осталось попыток: " + attemptsLeft)
                        : Text.of("Код қате. Әрекеттер таусылды, жаңа сұрау жасаңыз",
                                "Неверный код. Попытки исчерпаны, оформите новый запрос"),
                java.util.List.of(new Problem.FieldError("code", "does not match")));
        with("attemptsLeft", attemptsLeft);
    }
}
