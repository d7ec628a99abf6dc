package kz.gfc.kit.iin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class PseudonymProducer {

    /** Shared by all services so one person has one pseudonym across topics; set it per environment. */
    @ConfigProperty(name = "gfc.pseudonym.secret")
    String secret;

    @Produces
    @ApplicationScoped
    Pseudonymizer pseudonymizer() {
        return new Pseudonymizer(secret);
    }

    /**
     * Only a service that keeps IINs needs the key: the config is read when the cipher is
     * first used, so the others start without one. No default in prod (GFC_IIN_ENCRYPTION_KEY).
     */
    @Produces
    @ApplicationScoped
    IinCipher iinCipher() {
        return new IinCipher(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("gfc.iin.encryption-key", String.class));
    }
}
