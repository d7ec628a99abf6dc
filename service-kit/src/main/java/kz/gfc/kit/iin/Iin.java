package kz.gfc.kit.iin;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The individual identification number (ЖСН / ИИН): 12 digits, {@code YYMMDD} birth date,
 * a century-and-sex digit, a 4-digit serial and a check digit.
 *
 * <p>{@link #toString()} is masked on purpose so that an IIN that reaches a log line by
 * accident does not disclose the person (R23). Use {@link #value()} only where the clear
 * number is truly needed (the service's own database, a call to a state system).
 */
public final class Iin {

    private static final int[] WEIGHTS_FIRST = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] WEIGHTS_SECOND = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private final String value;

    private Iin(String value) {
        this.value = value;
    }

    /** Parses and validates; throws {@link InvalidIinException} naming what is wrong. */
    @JsonCreator
    public static Iin of(String raw) {
        Fault fault = fault(raw);
        if (fault != null) {
            throw new InvalidIinException(fault.reason, fault.message);
        }
        return new Iin(raw.strip());
    }

    /** What can be wrong with an IIN: a mere {@link #isValid} test makes no exception, so costs no stack trace. */
    private enum Fault {
        MISSING("missing", "IIN is missing"),
        FORMAT("format", "IIN must be exactly 12 digits"),
        CENTURY("century", "7th digit of an IIN must be 1..6 (century and sex)"),
        DATE("date", "first six digits of an IIN must be a real date YYMMDD"),
        CHECKSUM("checksum", "IIN check digit does not match");

        final String reason;
        final String message;

        Fault(String reason, String message) {
            this.reason = reason;
            this.message = message;
        }
    }

    private static Fault fault(String raw) {
        if (raw == null) {
            return Fault.MISSING;
        }
        String s = raw.strip();
        if (s.length() != 12 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Fault.FORMAT;
        }
        int centuryDigit = s.charAt(6) - '0';
        if (centuryDigit < 1 || centuryDigit > 6) {
            return Fault.CENTURY;
        }
        if (birthDate(s, centuryDigit) == null) {
            return Fault.DATE;
        }
        int check = checkDigit(s);
        if (check < 0 || check != s.charAt(11) - '0') {
            return Fault.CHECKSUM;
        }
        return null;
    }

    public static boolean isValid(String raw) {
        return fault(raw) == null;
    }

    /** The check digit of the first 11 digits, or -1 when the number cannot have one. */
    static int checkDigit(String digits) {
        int sum = weighted(digits, WEIGHTS_FIRST) % 11;
        if (sum == 10) {
            sum = weighted(digits, WEIGHTS_SECOND) % 11;
        }
        return sum == 10 ? -1 : sum;
    }

    private static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    private static LocalDate birthDate(String s, int centuryDigit) {
        int century = 1800 + ((centuryDigit - 1) / 2) * 100;
        try {
            return LocalDate.of(century + Integer.parseInt(s.substring(0, 2)),
                    Integer.parseInt(s.substring(2, 4)), Integer.parseInt(s.substring(4, 6)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    @JsonValue
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate(value, value.charAt(6) - '0');
    }

    /** Odd century digits are men, even ones women. */
    public boolean male() {
        return (value.charAt(6) - '0') % 2 == 1;
    }

    /** Safe for logs: {@code ********0123}. */
    public String masked() {
        return mask(value);
    }

    /**
     * Masks anything that looks like an IIN without validating it (for logging raw input):
     * only the last 4 digits stay. The leading digits are the birth date and the sex, which
     * with a branch and a day narrow a person down too far (R23).
     */
    public static String mask(String raw) {
        if (raw == null || raw.length() < 8) {
            return "********";
        }
        return "*".repeat(raw.length() - 4) + raw.substring(raw.length() - 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Iin other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
