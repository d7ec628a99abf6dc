package kz.gfc.issuance.domain;

import java.util.regex.Pattern;

/**
 * A package's number, printed as Code 128: {@code GFC}, ten digits from a sequence, and a Luhn
 * check digit over them, which catches every single mistyped digit and most swapped pairs when
 * a label is keyed in by hand. Code 128's own mod-103 symbol guards the scan; this guards the
 * keyboard.
 */
public final class Barcode {

    public static final String PREFIX = "GFC";
    private static final Pattern SHAPE = Pattern.compile("GFC\\d{11}");

    private Barcode() {
    }

    public static String of(long number) {
        if (number < 0 || number > 9_999_999_999L) {
            throw new IllegalArgumentException("package number out of range");
        }
        String digits = String.format("%010d", number);
        return PREFIX + digits + checkDigit(digits);
    }

    /** Right shape and a matching check digit. */
    public static boolean isValid(String raw) {
        if (raw == null || !SHAPE.matcher(raw).matches()) {
            return false;
        }
        String digits = raw.substring(3, 13);
        return checkDigit(digits) == raw.charAt(13) - '0';
    }

    /** Luhn: double every second digit from the right of the payload. */
    static int checkDigit(String digits) {
        int sum = 0;
        boolean dbl = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }
}
