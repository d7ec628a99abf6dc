package kz.gfc.audit.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.gfc.kit.audit.AuditRecorded;

/** AuditRecorded as another service (rating-service) would send it, with a resource id unique to the test. */
final class AuditEvents {

    private AuditEvents() {
    }

    static AuditRecorded byRatingService(String resourceId, String action) {
        return new AuditRecorded(UUID.randomUUID().toString(), "rating-service", "citizen-" + resourceId,
                List.of("citizen"), action, "POST", "/api/v1/ratings", "ratings", resourceId, "SUCCEEDED", 201,
                Instant.now(), "corr-" + resourceId, "127.0.0.1");
    }
}
