package kz.gfc.issuance.domain;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "gfc.issuance")
public interface IssuanceConfig {

    /** The largest result file a provider may send; larger is refused with 422. */
    @WithDefault("5242880")
    int resultMaxBytes();

    /** How many unclaimed packages one transaction of the retention job returns. */
    @WithDefault("100")
    int returnBatch();

    ReadyTexts readyTexts();

    interface ReadyTexts {
        /** How often the job runs ({@code off} in tests, which call it directly). */
        @WithDefault("15s")
        String every();

        /** How many "ready" texts one run of the job tries. */
        @WithDefault("20")
        int batch();

        /** The pause after the first failure to reach intake; it doubles up to {@link #maxDelay()}. */
        @WithDefault("PT1M")
        Duration firstDelay();

        @WithDefault("PT1H")
        Duration maxDelay();
    }
}
