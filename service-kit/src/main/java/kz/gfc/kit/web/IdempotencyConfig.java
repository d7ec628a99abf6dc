package kz.gfc.kit.web;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "gfc.idempotency")
public interface IdempotencyConfig {

    /**
     * How long a claimed Idempotency-Key whose call has neither committed nor answered stays
     * its call's: after that a retry takes it over (its instance is presumed dead), and the
     * original, if it was only slow, is refused at its commit. Also how long a call that
     * committed may take to store its response before a retry is told its outcome is unknown.
     */
    @WithDefault("PT1M")
    Duration takeoverAfter();
}
