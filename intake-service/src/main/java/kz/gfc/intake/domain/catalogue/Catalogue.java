package kz.gfc.intake.domain.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/**
 * The service catalogue (R4/R5) in its versions. Every change publishes a whole new version;
 * what was published is never rewritten, so an application can always be read against the
 * version it was accepted under.
 */
@ApplicationScoped
public class Catalogue {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Validator validator;

    public Catalogue(EntityManager em, ObjectMapper json, Validator validator) {
        this.em = em;
        this.json = json;
        this.validator = validator;
    }

    /** The version now in force, or 0 before any was published. */
    public int currentVersion() {
        Integer v = em.createQuery("select max(v.version) from CatalogueVersion v", Integer.class).getSingleResult();
        return v == null ? 0 : v;
    }

    public Optional<ServiceDefinition> current(String code) {
        return find(currentVersion(), code);
    }

    public Optional<ServiceDefinition> find(int version, String code) {
        CatalogueEntry e = em.find(CatalogueEntry.class, key(version, code));
        return Optional.ofNullable(e).map(this::read);
    }

    /** The current version's services, optionally of one provider (an appeal counts for each addressee) and one kind. */
    public List<ServiceDefinition> list(String provider, ServiceDefinition.ServiceKind kind) {
        List<CatalogueEntry> entries = CatalogueEntry.list("version", Sort.by("code"), currentVersion());
        List<ServiceDefinition> out = new ArrayList<>();
        for (CatalogueEntry e : entries) {
            ServiceDefinition d = read(e);
            if (kind != null && d.kind() != kind) {
                continue;
            }
            if (provider != null && !provider.equals(d.provider())
                    && (d.addressees() == null || !d.addressees().contains(provider))) {
                continue;
            }
            out.add(d);
        }
        return out;
    }

    /**
     * Publishes {@code services} over the current version (same code: replaced; new code:
     * added) as a new version, and returns its number.
     */
    @Transactional
    public int publish(List<ServiceDefinition> services, String source, String publishedBy, String note) {
        services.forEach(this::check);
        // one publisher at a time: the next number is taken under the lock
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('intake.catalogue'))").getSingleResult();
        int previous = currentVersion();
        Map<String, ServiceDefinition> next = new LinkedHashMap<>();
        if (previous > 0) {
            CatalogueEntry.<CatalogueEntry>list("version", previous).forEach(e -> next.put(e.code, read(e)));
        }
        services.forEach(s -> next.put(s.code(), s));
        CatalogueVersion v = new CatalogueVersion();
        v.version = previous + 1;
        v.source = source;
        v.publishedAt = Instant.now();
        v.publishedBy = publishedBy;
        v.note = note;
        v.persist();
        for (ServiceDefinition s : next.values()) {
            CatalogueEntry e = new CatalogueEntry();
            e.version = v.version;
            e.code = s.code();
            e.provider = s.provider();
            e.kind = s.kind().name();
            e.definition = write(s);
            e.persist();
        }
        return v.version;
    }

    public boolean releaseLoaded(String source) {
        return CatalogueVersion.count("source", source) > 0;
    }

    /** Bean Validation and the rules that tie a definition's parts together; a broken one is refused (422). */
    public void check(ServiceDefinition s) {
        Set<ConstraintViolation<ServiceDefinition>> violations = validator.validate(s);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (s.kind() == ServiceDefinition.ServiceKind.APPEAL) {
            if (s.addressees() == null || s.addressees().isEmpty()) {
                errors.add(new Problem.FieldError("addressees", "an appeal names the bodies it may be addressed to"));
            }
            if (s.provider() != null) {
                errors.add(new Problem.FieldError("provider", "an appeal goes to the addressee the applicant names"));
            }
        } else if (s.provider() == null) {
            errors.add(new Problem.FieldError("provider", "a service names the state body that provides it"));
        }
        if (s.fee() != null && s.fee().tenge() != null && s.fee().mrp() != null) {
            errors.add(new Problem.FieldError("fee", "a fee is in tenge or in МРП, not both"));
        }
        Set<String> seen = new HashSet<>();
        s.documents().forEach(d -> {
            if (!seen.add("d:" + d.code())) {
                errors.add(new Problem.FieldError("documents", "document " + d.code() + " is listed twice"));
            }
        });
        s.fields().forEach(f -> {
            if (!seen.add("f:" + f.name())) {
                errors.add(new Problem.FieldError("fields", "field " + f.name() + " is listed twice"));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("catalogue-entry-invalid", "The service definition is inconsistent",
                    Text.of("Қызмет сипаттамасы қайшы", "Описание услуги противоречиво"),
                    errors.toArray(Problem.FieldError[]::new));
        }
    }

    private ServiceDefinition read(CatalogueEntry e) {
        try {
            return json.readValue(e.definition, ServiceDefinition.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("catalogue entry " + e.code + " of version " + e.version + " is unreadable", ex);
        }
    }

    private String write(ServiceDefinition s) {
        try {
            return json.writeValueAsString(s);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static CatalogueEntry.Key key(int version, String code) {
        CatalogueEntry.Key k = new CatalogueEntry.Key();
        k.version = version;
        k.code = code;
        return k;
    }
}
