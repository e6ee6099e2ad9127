package dev.homeostat.ml.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading traces and turning them into a rescaled, compressed, piecewise-linear rate. */
class LoadProfileTest {

    @TempDir
    Path dir;

    @Test
    void peakNeedsPeakReplicasAndCompressionShortensTheClock() throws Exception {
        // given a 4-row trace at 5-minute intervals peaking at 600 events
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "timestamp,value\n2014-04-10 00:00:00,300\n2014-04-10 00:05:00,600\n"
                + "2014-04-10 00:10:00,150\n2014-04-10 00:15:00,300\n");
        SimOptions o = SimOptions.defaults();
        SimOptions twice = new SimOptions(20, 100, 0.05, 60, 24, 5, 10, 2, 15, 5, 0.7, false, 1, 24);
        // when
        LoadProfile p = LoadProfile.rescaled(Trace.read(file), o);
        LoadProfile q = LoadProfile.rescaled(Trace.read(file), twice);
        // then the peak is 20 × 100/s at the middle of its interval, linear in between, and 2× faster
        assertEquals(2000, p.rateAt(450), 1e-9);
        assertEquals(1000, p.rateAt(150), 1e-9);
        assertEquals(1500, p.rateAt(300), 1e-9);
        assertEquals(1200, p.durationSeconds());
        assertEquals(600, q.durationSeconds());
        assertEquals(2000, q.rateAt(225), 1e-9);
        assertEquals(2000, p.peakRate(0, 1200), 1e-9);
        assertEquals(1000, p.peakRate(0, 151), 1e-6);
    }

    @Test
    void malformedTraceIsRejectedWithItsLine() throws Exception {
        // given
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "timestamp,value\n2014-04-10 00:00:00,3\n2014-04-10 00:05:00,abc\n");
        // when / then
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trace.read(file));
        assertTrue(e.getMessage().contains(":3:"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Trace.read(dir.resolve("none.csv")));
        assertTrue(missing.getMessage().contains("not found"), missing.getMessage());
    }

    @Test
    void decreasingTimestampsAreRejected() throws Exception {
        // given
        Path file = dir.resolve("order.csv");
        Files.writeString(file, "timestamp,value\n2014-04-10 00:05:00,3\n2014-04-10 00:00:00,4\n");
        // when / then
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trace.read(file));
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
    }
}
