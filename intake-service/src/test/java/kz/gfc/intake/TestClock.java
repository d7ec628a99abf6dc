package kz.gfc.intake;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import kz.gfc.kit.testing.SettableClock;

/** Replaces intake's clock in tests, so R25 cases pin "now" (the Friday before Nauryz). Unpinned, it is the system clock. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends SettableClock {
}
