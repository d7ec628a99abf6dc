package kz.gfc.intake.domain.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/**
 * R17: takes a scan for a certified copy — a PDF, JPEG or PNG by its content, whatever it is
 * labelled, within the size limit — and later binds the copies an application names (by id
 * and SHA-256, inside the signed body) to that application.
 */
@ApplicationScoped
public class CertifiedCopies {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final Clock clock;
    private final int maxBytes;

    public CertifiedCopies(Clock clock, @ConfigProperty(name = "gfc.intake.copies.max-bytes", defaultValue = "5242880") int maxBytes) {
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** The type the content is, or null when it is none of the three. */
    public static String sniff(byte[] content) {
        if (startsWith(content, PDF)) {
            return "application/pdf";
        }
        if (startsWith(content, PNG)) {
            return "image/png";
        }
        if (startsWith(content, JPEG)) {
            return "image/jpeg";
        }
        return null;
    }

    @Transactional
    public CertifiedCopy upload(byte[] content, String declaredType, String documentCode, String branch, String operator) {
        if (content == null || content.length == 0) {
            throw ProblemException.unprocessable("copy-empty", "the scan is empty",
                    Text.of("Көшірме бос", "Копия пуста"), new Problem.FieldError("body", "a PDF, JPEG or PNG scan"));
        }
        if (content.length > maxBytes) {
            throw new ProblemException(413, "copy-too-large", "Content too large",
                    "the scan is " + content.length + " bytes; at most " + maxBytes,
                    Text.of("Көшірме тым үлкен", "Копия слишком большая"), null).with("maxBytes", maxBytes);
        }
        String actual = sniff(content);
        String declared = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (actual == null || !actual.equals(declared)) {
            throw ProblemException.unprocessable("copy-type-mismatch",
                    "the content is " + (actual == null ? "not a PDF, JPEG or PNG" : actual) + ", labelled " + declared,
                    Text.of("Файл түрі мазмұнына сәйкес келмейді", "Тип файла не соответствует содержимому"),
                    new Problem.FieldError("Content-Type", "must be what the content is: application/pdf, image/jpeg or image/png"));
        }
        CertifiedCopy c = new CertifiedCopy();
        c.id = UUID.randomUUID();
        c.documentCode = documentCode;
        c.mediaType = actual;
        c.sizeBytes = content.length;
        c.sha256 = sha256(content);
        c.content = content;
        c.branchCode = branch;
        c.uploadedBy = operator;
        c.uploadedAt = clock.instant();
        c.persist();
        return c;
    }

    /**
     * The copies the application names, each checked: uploaded by this operator, not yet
     * bound, of a document of the service, with the SHA-256 the signed body states.
     */
    public List<CertifiedCopy> named(List<ApplicationForm.CopyReference> refs, String operator, Set<String> documentCodes) {
        return refs.stream().map(r -> {
            CertifiedCopy c = CertifiedCopy.findById(r.id());
            if (c == null || !c.uploadedBy.equals(operator) || c.applicationId != null) {
                throw invalidCopy("copy " + r.id() + " is not an unattached copy of this operator's");
            }
            if (!c.sha256.equalsIgnoreCase(r.sha256())) {
                throw invalidCopy("copy " + r.id() + " has another SHA-256 than the application states");
            }
            if (!documentCodes.contains(c.documentCode)) {
                throw invalidCopy("copy " + r.id() + " is of a document the service does not take");
            }
            return c;
        }).toList();
    }

    private static ProblemException invalidCopy(String detail) {
        return ProblemException.unprocessable("copy-invalid", detail,
                Text.of("Куәландырылған көшірме жарамсыз", "Заверенная копия недействительна"),
                new Problem.FieldError("copies", detail));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
