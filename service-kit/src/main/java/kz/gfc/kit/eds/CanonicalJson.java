package kz.gfc.kit.eds;

import java.io.IOException;

import org.erdtman.jcs.JsonCanonicalizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kz.gfc.kit.problem.Messages;
import kz.gfc.kit.problem.ProblemException;

/**
 * The bytes an EDS signs (R8): the RFC 8785 (JCS) canonical form of a JSON body as sent,
 * without its {@code signature} member — an application signed by its operator, a consent
 * signed by its subject. Canonical so that the signer's desktop software and the service agree
 * byte for byte however either side orders members, spaces the text or writes a number
 * ({@code 5000.00} and {@code 5e3} are the same value).
 *
 * <p>Canonicalise the body as the client sent it, not a DTO written back: a DTO drops unknown
 * members and would let them ride along unsigned.
 */
public final class CanonicalJson {

    /** The member that carries the signature and therefore cannot be part of what it signs. */
    public static final String SIGNATURE_FIELD = "signature";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CanonicalJson() {
    }

    /** UTF-8 bytes of the canonical form of a JSON text. */
    public static byte[] of(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException | RuntimeException e) {
            throw malformed(e);
        }
    }

    /** UTF-8 bytes of the canonical form of a JSON tree. */
    public static byte[] of(JsonNode json) {
        try {
            return of(JSON.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** What the signer signed: the canonical body without its top-level {@code signature} member. */
    public static byte[] unsigned(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw new ProblemException(400, "malformed-json", "Bad request", "The signed body must be a JSON object",
                    Messages.MALFORMED_JSON, null);
        }
        ObjectNode copy = object.deepCopy();
        copy.remove(SIGNATURE_FIELD);
        return of(copy);
    }

    /** What the signer signed, from the body text as received. */
    public static byte[] unsigned(String body) {
        try {
            return unsigned(JSON.readTree(body));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    private static ProblemException malformed(Exception e) {
        // the parser's message may quote the input, which can hold personal data: keep it out
        return new ProblemException(400, "malformed-json", "Bad request",
                "The body cannot be put in canonical JSON form (" + e.getClass().getSimpleName() + ")",
                Messages.MALFORMED_JSON, null);
    }
}
