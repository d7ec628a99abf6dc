package kz.gfc.consent.domain;

/**
 * Who acts, as the access log and the evidence record it, always from the token: the
 * token's subject, the organisation it acts for (a provider's code, a service client, or
 * GfC for staff), and an operator's name when a person acts.
 */
public record Accessor(String subject, String organisation, String operatorName) {
}
