package kz.gfc.intake.infra;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;
import kz.gfc.intake.domain.catalogue.Catalogue;
import kz.gfc.intake.domain.catalogue.ServiceDefinition;

/**
 * Loads the catalogue's release files (R4/R5) at start: each file once, as a new version on
 * top of whatever admins have published since. A file that does not validate stops the start
 * rather than serve a half-loaded catalogue.
 */
@ApplicationScoped
public class CatalogueLoader {

    private static final Logger LOG = Logger.getLogger(CatalogueLoader.class);

    /** The data file's shape. */
    public record Release(String release, String sources, List<IndexValue> monthlyIndex, List<ServiceDefinition> services) {
    }

    public record IndexValue(LocalDate validFrom, int tenge, String basis) {
    }

    private final Catalogue catalogue;
    private final ObjectMapper json;
    private final EntityManager em;
    private final List<String> files;

    public CatalogueLoader(Catalogue catalogue, ObjectMapper json, EntityManager em,
            @ConfigProperty(name = "gfc.intake.catalogue.releases", defaultValue = "catalogue/catalogue-v1.json") List<String> files) {
        this.catalogue = catalogue;
        this.json = json;
        this.em = em;
        this.files = files;
    }

    void onStart(@Observes StartupEvent start) {
        files.forEach(this::load);
    }

    @Transactional
    void load(String file) {
        Release release = read(file);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('intake.catalogue'))").getSingleResult();
        for (IndexValue v : release.monthlyIndex() == null ? List.<IndexValue>of() : release.monthlyIndex()) {
            em.createNativeQuery("INSERT INTO monthly_index (valid_from, tenge, basis) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                    .setParameter(1, v.validFrom()).setParameter(2, v.tenge()).setParameter(3, v.basis()).executeUpdate();
        }
        String source = "release:" + release.release();
        if (catalogue.releaseLoaded(source)) {
            return;
        }
        int version = catalogue.publish(release.services(), source, "release " + file, release.sources());
        LOG.infof("catalogue %s loaded as version %d (%d services)", release.release(), version, release.services().size());
    }

    private Release read(String file) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("catalogue release " + file + " not found on the classpath");
            }
            Release r = json.readValue(in, Release.class);
            if (r.release() == null || r.services() == null || r.services().isEmpty()) {
                throw new IllegalStateException("catalogue release " + file + " names no release or no services");
            }
            return r;
        } catch (IOException e) {
            throw new IllegalStateException("catalogue release " + file + " is unreadable: " + e.getMessage(), e);
        }
    }
}
