package kz.gfc.queue.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/**
 * Dates and times from requests are read here rather than by Jackson, so a malformed one is
 * a 422 naming the field, not a generic malformed-JSON 400; the domain gets them parsed.
 */
public final class Inputs {

    /**
     * The years a queue can mean. A date far outside them parses (ISO allows year +999999999)
     * but overflows the moment it is moved to a branch's time zone.
     */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private Inputs() {
    }

    public static LocalDate date(String field, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null || date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw invalid(field, field + " must be a date YYYY-MM-DD between " + FIRST_YEAR + " and " + LAST_YEAR,
                    Text.of("Күн ЖЖЖЖ-АА-КК пішімінде көрсетілуі керек", "Дата должна быть в формате ГГГГ-ММ-ДД"));
        }
        return date;
    }

    /** A calendar year; null stays null (the caller picks the current one). */
    public static Integer year(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        int year = YEAR.matcher(t).matches() ? Integer.parseInt(t) : -1;
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw invalid(field, field + " must be a year between " + FIRST_YEAR + " and " + LAST_YEAR,
                    Text.of("Жыл дұрыс көрсетілмеген", "Год указан неверно"));
        }
        return year;
    }

    /** A value the request must carry: a 422 naming the field, not a 404 for a null code. */
    public static String required(String field, String text) {
        if (text == null || text.isBlank()) {
            throw invalid(field, field + " is required",
                    Text.of("Міндетті өріс толтырылмаған", "Не заполнено обязательное поле"));
        }
        return text.strip();
    }

    /** An ISO-8601 date-time with an offset, e.g. 2026-03-10T10:30:00+05:00; null stays null. */
    public static OffsetDateTime dateTime(String field, String text) {
        if (text == null) {
            return null;
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at != null && at.getYear() >= FIRST_YEAR && at.getYear() <= LAST_YEAR) {
            return at;
        }
        throw invalid(field, field + " must be an ISO date-time with an offset between " + FIRST_YEAR + " and " + LAST_YEAR
                + ", e.g. 2026-03-10T10:30:00+05:00", Text.of("Уақыт дұрыс көрсетілмеген", "Время указано неверно"));
    }

    /** {@link #dateTime} as an instant; null stays null. */
    public static Instant instant(String field, String text) {
        OffsetDateTime at = dateTime(field, text);
        return at == null ? null : at.toInstant();
    }

    static ProblemException invalid(String field, String detail, Text message) {
        return ProblemException.unprocessable("invalid-" + field, detail, message, new Problem.FieldError(field, detail));
    }
}
