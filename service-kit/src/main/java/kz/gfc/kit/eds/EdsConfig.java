package kz.gfc.kit.eds;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Which certification authorities a signer's EDS certificate must chain to (R8): one setting for every service that checks signatures. */
@ConfigMapping(prefix = "gfc.eds")
public interface EdsConfig {

    /**
     * A PEM file of the trusted CA certificates (roots, and intermediates if the signer does
     * not send them). No default in prod: the authority is a deployment decision
     * ({@code GFC_EDS_TRUSTED_CA}). Without it the service starts, and every signature check
     * answers 503, as the IIN cipher does without its key.
     */
    Optional<Path> trustedCa();
}
