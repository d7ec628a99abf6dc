package kz.gfc.queue.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/**
 * Dates and times from requests are read here rather than by Jackson, so a malformed one is
 * a 422 naming the field (as the issue asks), not a generic malformed-JSON 400.
 */
public final class Inputs {

    private Inputs() {
    }

    public static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " must be a date YYYY-MM-DD",
                    Text.of("Күн ЖЖЖЖ-АА-КК пішімінде көрсетілуі керек", "Дата должна быть в формате ГГГГ-ММ-ДД"));
        }
    }

    /** An ISO-8601 date-time with an offset, e.g. 2026-03-10T10:30:00+05:00; null stays null. */
    public static OffsetDateTime dateTime(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " must be an ISO date-time with an offset, e.g. 2026-03-10T10:30:00+05:00",
                    Text.of("Уақыт дұрыс көрсетілмеген", "Время указано неверно"));
        }
    }

    static ProblemException invalid(String field, String detail, Text message) {
        return ProblemException.unprocessable("invalid-" + field, detail, message, new Problem.FieldError(field, detail));
    }
}
