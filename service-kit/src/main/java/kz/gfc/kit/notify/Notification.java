package kz.gfc.kit.notify;

import java.util.Objects;

/**
 * A text to a citizen's phone (a consent one-time code, "your document is ready"): the
 * number in international form, the language it is written in, and a kind that says what it
 * is for without repeating its text — the kind, never the text, is what a log may name.
 */
public record Notification(String phone, String language, String kind, String text) {

    public Notification {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        language = "kk".equals(language) ? "kk" : "ru";
    }

    /** The number with all but its last two digits hidden, for logs. */
    public String maskedPhone() {
        String digits = phone.replaceAll("\\D", "");
        return digits.length() <= 2 ? "**" : "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
    }
}
