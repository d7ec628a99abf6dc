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
}
