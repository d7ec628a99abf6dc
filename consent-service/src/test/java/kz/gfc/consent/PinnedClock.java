package kz.gfc.consent;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;

/** For tests that move "now": the service's clock, released after each test. */
abstract class PinnedClock {

    @Inject
    TestClock clock;

    @AfterEach
    void unpinClock() {
        clock.unpin();
    }
}
