package kz.gfc.issuance.domain;

/** How long an unclaimed result is kept (R20), as intake's catalogue classed the service. */
public enum RetentionClass {
    STANDARD, IDENTITY_DOCUMENT, SOCIAL_EXEMPT
}
