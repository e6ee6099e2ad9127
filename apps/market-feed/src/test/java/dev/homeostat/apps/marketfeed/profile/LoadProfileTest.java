package dev.homeostat.apps.marketfeed.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Rates of the three load profiles and their validation. */
class LoadProfileTest {

    @Test
    void constantProfileIgnoresTime() {
        // given
        LoadProfile profile = new ConstantProfile(250);
        // when / then
        assertEquals(250, profile.ratePerSecond(Duration.ZERO));
        assertEquals(250, profile.ratePerSecond(Duration.ofHours(5)));
    }

    @Test
    void rampInterpolatesThenHoldsTheFinalRate() {
        // given
        LoadProfile profile = new RampProfile(100, 300, Duration.ofSeconds(10));
        // when / then
        assertEquals(100, profile.ratePerSecond(Duration.ZERO), 1e-9);
        assertEquals(200, profile.ratePerSecond(Duration.ofSeconds(5)), 1e-9);
        assertEquals(300, profile.ratePerSecond(Duration.ofSeconds(10)), 1e-9);
        assertEquals(300, profile.ratePerSecond(Duration.ofMinutes(10)), 1e-9);
    }

    @Test
    void traceIsTimeCompressedInterpolatedAndLoops() {
        // given: 3 points, each lasting 2 s of wall time, scaled by 0.5
        LoadProfile profile = new TraceProfile(List.of(100.0, 200.0, 400.0), Duration.ofSeconds(2), 0.5);
        // when / then
        assertEquals(50, profile.ratePerSecond(Duration.ZERO), 1e-9);
        assertEquals(75, profile.ratePerSecond(Duration.ofSeconds(1)), 1e-9);
        assertEquals(100, profile.ratePerSecond(Duration.ofSeconds(2)), 1e-9);
        assertEquals(200, profile.ratePerSecond(Duration.ofSeconds(4)), 1e-9);
        assertEquals(125, profile.ratePerSecond(Duration.ofSeconds(5)), 1e-9); // 400 -> back to 100
        assertEquals(50, profile.ratePerSecond(Duration.ofSeconds(6)), 1e-9);  // looped
    }

    @Test
    void invalidProfilesNameTheOffendingValue() {
        // when / then
        var negative = assertThrows(IllegalArgumentException.class, () -> new ConstantProfile(-1));
        assertTrue(negative.getMessage().contains("-1"));
        var zeroRamp = assertThrows(IllegalArgumentException.class, () -> new RampProfile(1, 2, Duration.ZERO));
        assertTrue(zeroRamp.getMessage().contains("PT0S"));
        var shortTrace = assertThrows(IllegalArgumentException.class,
                () -> new TraceProfile(List.of(1.0), Duration.ofSeconds(1), 1));
        assertTrue(shortTrace.getMessage().contains("had 1"));
    }

    @Test
    void specBuildsEachTypeAndRejectsUnknownOnes() {
        // given
        ProfileSpec ramp = new ProfileSpec("ramp", null, 10.0, 20.0, 4.0, null, null, null);
        ProfileSpec missing = new ProfileSpec("ramp", null, 10.0, null, 4.0, null, null, null);
        ProfileSpec unknown = new ProfileSpec("sine", 1.0, null, null, null, null, null, null);
        // when / then
        assertEquals(new RampProfile(10, 20, Duration.ofSeconds(4)), ramp.toProfile(TraceDirectory.none()));
        assertEquals(new ConstantProfile(5), ProfileSpec.constant(5).toProfile(TraceDirectory.none()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> missing.toProfile(TraceDirectory.none())).getMessage().contains("toRate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> unknown.toProfile(TraceDirectory.none())).getMessage().contains("sine"));
    }

    @Test
    void traceFileParsingReportsTheBadLine() throws Exception {
        // given
        List<String> good = List.of("timestamp,value", "2014-07-01 00:00:00,10844", "2014-07-01 00:30:00,8127");
        List<String> bad = List.of("timestamp,value", "2014-07-01 00:00:00,10844", "2014-07-01 00:30:00,lots");
        // when / then
        assertEquals(List.of(10844.0, 8127.0), TraceDirectory.parse(reader(good), "t.csv"));
        var error = assertThrows(IllegalArgumentException.class, () -> TraceDirectory.parse(reader(bad), "t.csv"));
        assertTrue(error.getMessage().startsWith("t.csv:3:"), error.getMessage());
        assertFalse(error.getMessage().contains("lots"), "the line's content stays out of the error");
    }

    private static BufferedReader reader(List<String> lines) {
        return new BufferedReader(new StringReader(String.join("\n", lines)));
    }
}
