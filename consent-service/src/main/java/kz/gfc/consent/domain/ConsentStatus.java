package kz.gfc.consent.domain;

/** A consent's life: given, then withdrawn by its subject or run out; never back to active. */
public enum ConsentStatus {
    ACTIVE, REVOKED, EXPIRED
}
