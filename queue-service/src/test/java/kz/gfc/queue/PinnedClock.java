package kz.gfc.queue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;

/**
 * For tests that pin "now" (a Saturday, a holiday, 17:59): the service's clock, released
 * after each test so the next one starts from the real time.
 */
abstract class PinnedClock {

    @Inject
    TestClock clock;

    @AfterEach
    void unpinClock() {
        clock.unpin();
    }
}
