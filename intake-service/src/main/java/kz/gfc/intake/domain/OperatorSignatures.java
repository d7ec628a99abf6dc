package kz.gfc.intake.domain;

import kz.gfc.kit.iin.Iin;

/**
 * R8: the operator's EDS over the application. {@code signedContent} is the RFC 8785
 * canonical JSON of the request body without its {@code signature} member
 * ({@link SignedContent}); {@code signatureBase64} is a detached CMS (PKCS#7) signature;
 * {@code operatorIin} is the IIN in the operator's token, which the signer's certificate must
 * name. Kept behind this interface so a GOST verifier with the national provider can replace
 * the RSA one.
 *
 * @throws kz.gfc.kit.problem.ProblemException 422 when the signature is missing, broken,
 *         expired, untrusted, or by someone else; nothing is stored then
 */
public interface OperatorSignatures {

    void verify(byte[] signedContent, String signatureBase64, Iin operatorIin);
}
