package kz.gfc.issuance.domain;

import java.util.Optional;

/**
 * A file a provider sends with a result. Its type is what its first bytes say, never the name
 * or the declared content type: only PDF, PNG and JPEG are kept, as a centre can print those.
 */
public record ResultFile(byte[] bytes) {

    public Optional<String> detectedType() {
        byte[] b = bytes;
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return Optional.of("application/pdf");
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b == null || b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
