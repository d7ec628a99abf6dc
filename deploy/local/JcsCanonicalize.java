import java.io.IOException;

import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Writes the RFC 8785 canonical form of the JSON on stdin to stdout, with the same library
 * intake-service uses, so a demo signature covers exactly the bytes the service checks.
 * Run by sign.sh: java -cp java-json-canonicalization.jar JcsCanonicalize.java < in.json
 */
public class JcsCanonicalize {
    public static void main(String[] args) throws IOException {
        String json = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        System.out.write(new JsonCanonicalizer(json).getEncodedUTF8());
        System.out.flush();
    }
}
