package kz.gfc.intake.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.node.ObjectNode;

import kz.gfc.kit.eds.CanonicalJson;

/**
 * What the operator's EDS signs (R8): the application's JSON as the operator's desk sent it,
 * without its {@code signature} member, in RFC 8785 canonical form — so the same content
 * gives the same bytes whatever the order of members or the spacing the desk used.
 */
public record SignedContent(byte[] bytes) {

    public static SignedContent of(ObjectNode body) {
        return new SignedContent(CanonicalJson.unsigned(body));
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
