package kz.gfc.intake.receipt;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How receipts are made verifiable (R15.5). */
@ConfigMapping(prefix = "gfc.receipt")
public interface ReceiptConfig {

    /**
     * The HMAC key of receipts' verification codes: at least 32 characters. No prod default
     * ({@code GFC_RECEIPT_SECRET}); without it the service starts and receipt codes answer 503.
     */
    Optional<String> secret();

    /** Where the public reaches the API (the gateway), the start of a receipt's verification link. */
    @WithDefault("http://127.0.0.1:8080")
    String publicBaseUrl();
}
