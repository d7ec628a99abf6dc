package kz.gfc.consent;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import kz.gfc.kit.testing.SettableClock;

/**
 * Replaces the service's clock in tests, so a code's five minutes or a consent's validity can
 * run out without waiting. Unpinned, it is the system clock.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends SettableClock {
}
