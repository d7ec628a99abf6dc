package kz.gfc.kit.eds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/**
 * The CA certificates a signer's certificate must chain to, read from a PEM file. Read
 * again when the file changes, so that a renewed or added authority (or the demo PKI made
 * again) takes effect without a restart.
 */
final class TrustedAuthorities {

    private static final Logger LOG = Logger.getLogger(TrustedAuthorities.class);

    private final Optional<Path> configured;
    private volatile Loaded loaded;

    private record Loaded(FileTime modified, long size, Set<TrustAnchor> anchors) {
    }

    TrustedAuthorities(Optional<Path> configured) {
        this.configured = configured;
    }

    Set<TrustAnchor> anchors() {
        if (configured.isEmpty()) {
            LOG.error("gfc.eds.trusted-ca is not set: no EDS signature can be verified");
            throw unavailable();
        }
        Path file = configured.get();
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            Loaded current = loaded;
            if (current != null && current.modified().equals(modified) && current.size() == size) {
                return current.anchors();
            }
            Set<TrustAnchor> anchors = read(file);
            loaded = new Loaded(modified, size, anchors);
            LOG.infof("trusted EDS authorities read from %s: %d certificate(s)", file, anchors.size());
            return anchors;
        } catch (IOException | GeneralSecurityException | IllegalStateException e) {
            // the server's configuration is at fault, not the signer's
            LOG.errorf("cannot read the trusted EDS authorities from %s: %s", file, e.toString());
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "eds-unavailable", "Service unavailable",
                "The trusted certification authorities are not available",
                Text.of("ЭЦҚ тексеру уақытша қолжетімсіз. Кейінірек қайталаңыз",
                        "Проверка ЭЦП временно недоступна. Повторите позже"),
                null);
    }

    private static Set<TrustAnchor> read(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Set<TrustAnchor> anchors = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(c -> new TrustAnchor((X509Certificate) c, null))
                    .collect(Collectors.toUnmodifiableSet());
            if (anchors.isEmpty()) {
                throw new IllegalStateException("no certificate in the file");
            }
            return anchors;
        }
    }
}
