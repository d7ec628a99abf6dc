package kz.gfc.kit.iin;

import java.time.LocalDate;
import java.util.random.RandomGenerator;

/**
 * Generates valid IINs for tests and demo data, so no real person's number is ever used.
 * Serials start at 9 (9xxx), a range we keep for synthetic people.
 */
public final class SyntheticIins {

    private SyntheticIins() {
    }

    public static Iin random(RandomGenerator random) {
        while (true) {
            LocalDate birth = LocalDate.of(1940 + random.nextInt(80), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String candidate = forDate(birth, random.nextBoolean(), 9000 + random.nextInt(1000));
            if (candidate != null) {
                return Iin.of(candidate);
            }
        }
    }

    public static Iin random() {
        return random(RandomGenerator.getDefault());
    }

    /** The IIN for a birth date, sex and serial, or null when that serial has no valid check digit. */
    public static String forDate(LocalDate birth, boolean male, int serial) {
        int centuryBase = (birth.getYear() / 100 - 18) * 2 + 1;
        String head = String.format("%02d%02d%02d%d%04d", birth.getYear() % 100, birth.getMonthValue(),
                birth.getDayOfMonth(), male ? centuryBase : centuryBase + 1, serial % 10_000);
        int check = Iin.checkDigit(head + "0");
        return check < 0 ? null : head + check;
    }
}
