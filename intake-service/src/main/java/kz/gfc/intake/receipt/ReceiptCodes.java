package kz.gfc.intake.receipt;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/**
 * The verification code printed (as a QR code) on a receipt (R15.5): anyone holding the paper
 * can ask the service whether the receipt is genuine, and nobody can make up a code for a
 * receipt number they merely guessed. An HMAC-SHA-256 of the receipt number under a server
 * secret, cut to 128 bits, base64url. The link carries the number and the code only, no
 * personal data.
 */
@ApplicationScoped
public class ReceiptCodes {

    static final int MIN_SECRET_CHARS = 32;
    private static final int CODE_BYTES = 16;
    /** Keeps these codes distinct from any other HMAC someone might make with the same secret. */
    private static final String PURPOSE = "gfc-receipt-v1:";

    private final ReceiptConfig config;

    public ReceiptCodes(ReceiptConfig config) {
        this.config = config;
    }

    /** The code for a receipt number. */
    public String code(String receiptNumber) {
        byte[] mac = mac(receiptNumber);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, CODE_BYTES));
    }

    /** Whether {@code code} is the one issued for {@code receiptNumber}; compared in constant time. */
    public boolean matches(String receiptNumber, String code) {
        if (receiptNumber == null || code == null || code.length() > 64) {
            return false;
        }
        return MessageDigest.isEqual(code(receiptNumber).getBytes(StandardCharsets.US_ASCII),
                code.getBytes(StandardCharsets.US_ASCII));
    }

    /** The public link a receipt's QR code holds: {@code <base>/api/v1/applications/receipts/<number>/verify?code=<code>}. */
    public String verificationUrl(String receiptNumber) {
        String base = config.publicBaseUrl().replaceAll("/+$", "");
        // a path segment: URLEncoder's "+" for a space would read as a plus there
        String segment = URLEncoder.encode(receiptNumber, StandardCharsets.UTF_8).replace("+", "%20");
        return base + "/api/v1/applications/receipts/" + segment + "/verify?code=" + code(receiptNumber);
    }

    private byte[] mac(String receiptNumber) {
        String secret = config.secret().filter(s -> s.length() >= MIN_SECRET_CHARS).orElseThrow(() ->
                new ProblemException(503, "receipts-unavailable", "Service unavailable",
                        "gfc.receipt.secret is not set or shorter than " + MIN_SECRET_CHARS + " characters",
                        Text.of("Қолхат қызметі уақытша қолжетімсіз. Кейінірек қайталаңыз",
                                "Сервис расписок временно недоступен. Повторите позже"),
                        null));
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return hmac.doFinal((PURPOSE + receiptNumber).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
