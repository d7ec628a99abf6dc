package kz.gfc.queue.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.Pseudonymizer;
import kz.gfc.queue.domain.QueueConfig;
import kz.gfc.queue.domain.ticket.PriorityReason;
import kz.gfc.queue.domain.ticket.PriorityRegistry;

/**
 * The registry of persons with disabilities and social statuses, from a data file of
 * {@code iin,ground} lines (a classpath resource by default, or a file named in
 * {@code gfc.queue.priority-registry}). It keeps only pseudonyms in memory: queue holds no IIN.
 */
@ApplicationScoped
public class FilePriorityRegistry implements PriorityRegistry {

    private static final Logger LOG = Logger.getLogger(FilePriorityRegistry.class);

    private final Pseudonymizer pseudonymizer;
    private final Set<String> confirmed = new HashSet<>();

    FilePriorityRegistry(Pseudonymizer pseudonymizer, QueueConfig config) {
        this.pseudonymizer = pseudonymizer;
        String source = config.priorityRegistry();
        try (InputStream in = open(source);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int skipped = 0;
            while ((line = r.readLine()) != null) {
                String[] f = line.strip().split(",");
                if (line.isBlank() || line.startsWith("#") || f.length != 2 || !Iin.isValid(f[0].strip())) {
                    skipped += line.isBlank() || line.startsWith("#") || line.startsWith("iin,") ? 0 : 1;
                    continue;
                }
                try {
                    confirmed.add(key(Iin.of(f[0].strip()), PriorityReason.valueOf(f[1].strip())));
                } catch (IllegalArgumentException unknownGround) {
                    skipped++;
                }
            }
            LOG.infof("priority registry: %d confirmed grounds loaded, %d malformed lines skipped", confirmed.size(), skipped);
        } catch (IOException e) {
            throw new IllegalStateException("the priority registry file cannot be read: " + source, e);
        }
    }

    @Override
    public boolean confirms(Iin iin, PriorityReason ground) {
        return confirmed.contains(key(iin, ground));
    }

    private String key(Iin iin, PriorityReason ground) {
        return pseudonymizer.pseudonym(iin) + "|" + ground.name();
    }

    private static InputStream open(String source) throws IOException {
        if (source.startsWith("classpath:")) {
            InputStream in = FilePriorityRegistry.class.getClassLoader().getResourceAsStream(source.substring(10));
            if (in == null) {
                throw new IOException("no classpath resource " + source);
            }
            return in;
        }
        return Files.newInputStream(Path.of(source));
    }
}
