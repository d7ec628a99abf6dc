package kz.gfc.consent.api;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import kz.gfc.consent.domain.Consent;
import kz.gfc.consent.domain.ConsentArtefact;
import kz.gfc.consent.domain.ConsentConfig;
import kz.gfc.consent.domain.ConsentService;
import kz.gfc.consent.domain.ConsentTerms;
import kz.gfc.consent.infra.ArtefactSigner;

/** Views a consent with its use record, and signs its artefact as of now. */
@ApplicationScoped
public class Artefacts {

    private final ConsentService consents;
    private final ArtefactSigner signer;
    private final ConsentConfig config;
    private final Clock clock;

    public Artefacts(ConsentService consents, ArtefactSigner signer, ConsentConfig config, Clock clock) {
        this.consents = consents;
        this.signer = signer;
        this.config = config;
        this.clock = clock;
    }

    /** Before a grant: the signing key must be there, or nothing is granted. */
    void ready() {
        signer.requireKey();
    }

    Views.ConsentView view(Consent c) {
        return Views.ConsentView.of(c, consents.useRecord(c.id));
    }

    Views.Granted granted(Consent c) {
        ConsentService.UseRecord use = consents.useRecord(c.id);
        return new Views.Granted(Views.ConsentView.of(c, use), sign(c, use));
    }

    String sign(Consent c) {
        return sign(c, consents.useRecord(c.id));
    }

    private String sign(Consent c, ConsentService.UseRecord use) {
        var names = consents.scopeNames(new ConsentTerms(c.recipient, c.scopeList(), c.purpose, c.validUntil, null, null,
                null, null, null, c.language));
        return signer.sign(ConsentArtefact.claims(c, names, use, config.signing().issuer(), config.policyUrl(),
                clock.instant()));
    }
}
