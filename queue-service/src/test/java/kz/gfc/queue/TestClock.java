package kz.gfc.queue;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import kz.gfc.kit.testing.SettableClock;

/**
 * Replaces the service's clock in tests, so R3 and R12 cases pin "now" (a Saturday, a
 * holiday, 17:59) instead of waiting for it. Unpinned, it is the system clock.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends SettableClock {
}
