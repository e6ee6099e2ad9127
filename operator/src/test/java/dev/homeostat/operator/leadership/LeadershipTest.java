package dev.homeostat.operator.leadership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LeadershipTest {

    @Test
    void losingTheLeaseWhileRunningExits() {
        AtomicInteger exits = new AtomicInteger();
        Leadership leadership = new Leadership("pod-a", exits::incrementAndGet);

        leadership.callbacks().onStopLeading();

        assertEquals(1, exits.get());
    }

    @Test
    void stoppingLeadingDuringShutdownDoesNotExitAgain() {
        AtomicInteger exits = new AtomicInteger();
        Leadership leadership = new Leadership("pod-a", exits::incrementAndGet);

        leadership.shuttingDown();
        leadership.callbacks().onStopLeading();

        assertEquals(0, exits.get());
        assertTrue(leadership.isShuttingDown());
    }

    @Test
    void identityIsTheHostnameOrGenerated() {
        assertEquals("homeostat-7d9f", new Leadership(Optional.of("homeostat-7d9f")).identity());
        assertTrue(new Leadership(Optional.of(" ")).identity().startsWith("homeostat-"));
    }
}
