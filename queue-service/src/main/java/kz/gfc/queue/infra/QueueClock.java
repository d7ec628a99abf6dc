package kz.gfc.queue.infra;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The one source of "now" for the queue. Working hours (R3), check-in windows and wait
 * bands all depend on it, so tests replace this bean to pin a Saturday, a holiday or 17:59.
 */
public class QueueClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
