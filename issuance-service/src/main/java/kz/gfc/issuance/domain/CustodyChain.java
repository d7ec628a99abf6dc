package kz.gfc.issuance.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The hashes of a custody chain (R15.9): each entry's SHA-256 covers the previous entry's hash
 * and every recorded field, so editing, removing or reordering a stored scan breaks every hash
 * after it.
 */
public final class CustodyChain {

    /** What the first entry of every package points back to. */
    public static final String GENESIS = "0".repeat(64);

    private CustodyChain() {
    }

    public static String hash(String barcode, CustodyEntry e) {
        String canonical = String.join("|", e.prevHash, barcode, Integer.toString(e.seq), e.movement.name(),
                e.fromStatus.name(), e.toStatus.name(), e.branchCode, e.window == null ? "" : e.window.toString(),
                e.actorId, e.at.toString());
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 unavailable", e1);
        }
    }

    /** True when the entries, in order, link up from {@link #GENESIS} and each hash matches its content. */
    public static boolean verifies(String barcode, List<CustodyEntry> entries) {
        String prev = GENESIS;
        int seq = 1;
        for (CustodyEntry e : entries) {
            if (e.seq != seq++ || !prev.equals(e.prevHash) || !hash(barcode, e).equals(e.hash)) {
                return false;
            }
            prev = e.hash;
        }
        return true;
    }
}
