package kz.gfc.consent.domain;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The consent service's tunables and secrets; secrets have no prod default. */
@ConfigMapping(prefix = "gfc.consent")
public interface ConsentConfig {

    /** How long a one-time code may be entered. */
    @WithDefault("PT5M")
    Duration codeTtl();

    /** Wrong codes allowed before the request is locked for good. */
    @WithDefault("5")
    int codeAttempts();

    /**
     * How long a request that was never confirmed (its code ran out or was guessed wrong too
     * often) is kept after its code expired: it holds an encrypted IIN for nothing (R23).
     */
    @WithDefault("P1D")
    Duration unconfirmedRequestRetention();

    /** Validity when the request names none. */
    @WithDefault("P90D")
    Duration defaultValidity();

    /** The longest validity a consent may be given. */
    @WithDefault("P365D")
    Duration maxValidity();

    /**
     * Key of the HMAC that one-time codes are stored under (at least 32 characters). A code has
     * only a million values, so a salted plain hash would fall to brute force from a copy of
     * the table; without this key it does not. No prod default (GFC_CONSENT_CODE_KEY).
     */
    Optional<String> codeKey();

    /** The legal basis recorded on each consent. */
    @WithDefault("KZ-LAW-94-V-2013-ART-7")
    String legalBasis();

    /** Where the policy under which consents are collected is published (Kantara policyUrl). */
    @WithDefault("https://gfc.kz/consent/policy")
    String policyUrl();

    /**
     * How long after the subject signed at the window (the CMS signing time) the operator may
     * submit the consent: a signed body found later, e.g. after the subject revoked, gives no
     * consent. Each signature gives at most one consent in any case.
     */
    @WithDefault("PT15M")
    Duration signatureMaxAge();

    /** How often the expiry job runs ({@code off} to disable, as the tests do). */
    @WithDefault("1m")
    String expiryEvery();

    Signing signing();

    interface Signing {
        /**
         * The RSA private key (PKCS#8 PEM, "BEGIN PRIVATE KEY") that signs consent artefacts. No
         * prod default (GFC_CONSENT_SIGNING_KEY).
         */
        Optional<String> privateKey();

        /** Dev and tests only: sign with a key generated at start when none is configured. */
        @WithDefault("false")
        boolean generate();

        /** The artefact's issuer ({@code iss}). */
        @WithDefault("https://gfc.kz/consent")
        String issuer();
    }
}
