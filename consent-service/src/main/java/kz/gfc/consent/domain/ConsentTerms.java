package kz.gfc.consent.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a subject agrees to, checked: who may read (recipient), which kinds of data (scopes,
 * sorted), for which service (purpose), until when, and what India's Account Aggregator
 * artefact adds — the range of the data, how long the recipient may keep it, how often it
 * may fetch it.
 */
public record ConsentTerms(String recipient, List<String> scopes, String purpose, Instant validUntil,
        LocalDate dataFrom, LocalDate dataTo, String retention, Integer fetchLimit, String fetchPeriod,
        String language) {
}
