package dev.homeostat.apps.marketfeed.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The pacer hands out as many records as the profile's rate integrates to, with bounded bursts. */
class PacerTest {

    private static final long MS = 1_000_000L;

    @Test
    void constantRateOverTenSecondsOfTicksGivesRateTimesTen() {
        // given
        Pacer pacer = new Pacer(new ConstantProfile(333), 0, Duration.ofSeconds(1));
        // when: 10 ms ticks for 10 s
        long total = 0;
        for (long t = 10 * MS; t <= 10_000 * MS; t += 10 * MS) {
            total += pacer.due(t);
        }
        // then
        assertEquals(3330, total, 1);
    }

    @Test
    void rampIntegratesToTheAreaUnderTheRamp() {
        // given: 0 -> 1000 records/s over 10 s: area 5000
        Pacer pacer = new Pacer(new RampProfile(0, 1000, Duration.ofSeconds(10)), 0, Duration.ofSeconds(1));
        // when
        long total = 0;
        for (long t = 10 * MS; t <= 10_000 * MS; t += 10 * MS) {
            total += pacer.due(t);
        }
        // then
        assertEquals(5000, total, 2);
    }

    @Test
    void aLongPauseReleasesAtMostOneBurst() {
        // given
        Pacer pacer = new Pacer(new ConstantProfile(100), 0, Duration.ofSeconds(1));
        // when: the first tick comes a minute late
        int due = pacer.due(60_000 * MS);
        // then
        assertTrue(due <= 100, "burst was " + due);
    }
}
