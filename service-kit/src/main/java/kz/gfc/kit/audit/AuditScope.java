package kz.gfc.kit.audit;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/**
 * What one auditable request is, and the draft of its audit line once a transaction of the
 * request committed one. {@link AuditTrail} uses it; a resource only to say that a call of a
 * {@link RecordedBy} operation was, this time, not recorded by the service itself.
 */
@RequestScoped
public class AuditScope {

    private String method;
    private String path;
    private String action;
    private String correlationId;
    private String clientAddress;
    private String auditId;
    private UUID draft;
    private boolean settled;
    private boolean notRecordedHere;

    void begin(String method, String path, String action, String correlationId, String clientAddress) {
        this.method = method;
        this.path = path;
        this.action = action;
        this.correlationId = correlationId;
        this.clientAddress = clientAddress;
        this.auditId = UUID.randomUUID().toString();
    }

    /** One draft per request: later transactions of the same request (and the audit write itself) add none. */
    boolean wantsDraft() {
        return method != null && draft == null && !settled;
    }

    void drafted(UUID outboxId) {
        this.draft = outboxId;
    }

    /** The transaction that wrote the draft rolled back after all (a later step of its commit failed): the draft never existed. */
    void undrafted(UUID outboxId) {
        if (outboxId.equals(draft)) {
            draft = null;
        }
    }

    /** The response is known: no more drafts; returns the one to complete, if any. */
    UUID settle() {
        settled = true;
        return draft;
    }

    /**
     * This call of a {@link RecordedBy} operation answered without writing its own record (a
     * consent check that found no consent): the kit's audit trail records it after all.
     */
    public void notRecordedHere() {
        this.notRecordedHere = true;
    }

    boolean recordedHere() {
        return !notRecordedHere;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    String action() {
        return action;
    }

    String correlationId() {
        return correlationId;
    }

    String clientAddress() {
        return clientAddress;
    }

    String auditId() {
        return auditId;
    }
}
