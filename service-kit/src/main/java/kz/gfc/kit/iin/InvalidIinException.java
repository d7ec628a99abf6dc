package kz.gfc.kit.iin;

/** A string that is not a valid IIN; {@link #reason()} is a stable code (format, century, date, checksum). */
public class InvalidIinException extends IllegalArgumentException {

    private final String reason;

    public InvalidIinException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
