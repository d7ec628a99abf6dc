package kz.gfc.intake.infra;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The one source of "now" for intake: ready dates (R25), a power of attorney's validity and
 * the МРП in force depend on it, so tests replace this bean to pin a Friday before Nauryz.
 */
public class IntakeClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
