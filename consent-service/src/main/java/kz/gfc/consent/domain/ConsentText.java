package kz.gfc.consent.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * The statement a subject agrees to, in kk or ru, and its SHA-256: the consent keeps the
 * hash of exactly the text that was shown or texted, so what was agreed can be proven later
 * without keeping the text per consent. {@link #VERSION} changes whenever the wording does.
 */
public final class ConsentText {

    public static final String VERSION = "2026-11";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ZoneId.of("Asia/Almaty"));

    private ConsentText() {
    }

    /** {@code scopeNames}: the scopes' names in the text's language. */
    public static String statement(ConsentTerms t, List<String> scopeNames) {
        String scopes = String.join(", ", scopeNames);
        String until = DAY.format(t.validUntil());
        if ("kk".equals(t.language())) {
            return "[" + VERSION + "] " + t.recipient() + " ұйымына " + t.purpose() + " қызметі үшін менің деректеріме ("
                    + scopes + ") " + until + " дейін қол жеткізуге келісім беремін.";
        }
        return "[" + VERSION + "] Даю согласие " + t.recipient() + " на доступ к моим данным (" + scopes
                + ") для услуги " + t.purpose() + " до " + until + ".";
    }

    /** The one-time code text: what is agreed to, the code, and the warning; never the IIN. */
    public static String codeMessage(ConsentTerms t, List<String> scopeNames, String code, long minutes) {
        if ("kk".equals(t.language())) {
            return statement(t, scopeNames) + " Растау коды: " + code + ". " + minutes
                    + " минут жарамды. Кодты ешкімге айтпаңыз.";
        }
        return statement(t, scopeNames) + " Код подтверждения: " + code + ". Действует " + minutes
                + " минут. Никому не сообщайте код.";
    }

    public static String hash(String text) {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
