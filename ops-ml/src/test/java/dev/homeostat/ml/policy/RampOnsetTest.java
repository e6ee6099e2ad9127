package dev.homeostat.ml.policy;

import dev.homeostat.ml.telemetry.Sample;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RampOnsetTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final Duration HORIZON = Duration.ofSeconds(80);

    /** Samples 15 s apart with the given arrival rates, oldest first, the newest 5 s old. */
    private static List<Sample> rates(double... values) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            long age = 5 + 15L * (values.length - 1 - i);
            out.add(Sample.at(NOW - age * 1000).arrivalRate(values[i]).build());
        }
        return out;
    }

    @Test
    void aStepFarAboveTheUsualStepsIsExtrapolated() {
        // given a rate wobbling by about 2/s, then a step of +30/s within 15 s
        List<Sample> recent = rates(50, 52, 49, 51, 50, 52, 50, 80);
        // when
        double rate = RampOnset.rateAt(recent, Instant.ofEpochMilli(NOW), HORIZON);
        // then the step's slope (2/s per s) carries on for 5 s + 80 s from the newest sample
        assertEquals(80 + 2.0 * 85, rate, 1e-9);
        // and the minute's line, still averaging the flat samples, sees less than half of that rise
        double line = TrendFit.risingRateAt(recent, Instant.ofEpochMilli(NOW), HORIZON);
        assertTrue(line - 80 < (rate - 80) / 2, "trend line " + line);
    }

    @Test
    void noiseOfAnySizeAndSteadyRampsAreNotOnsets() {
        Instant now = Instant.ofEpochMilli(NOW);
        // given a noisy rate whose last step is as large as its usual steps
        assertTrue(Double.isNaN(RampOnset.rateAt(rates(500, 560, 490, 550, 480, 545, 500, 560), now, HORIZON)));
        // given a steady ramp (every step alike), which the trend line already follows
        assertTrue(Double.isNaN(RampOnset.rateAt(rates(100, 120, 140, 160, 180, 200, 220, 240), now, HORIZON)));
        // given a falling step
        assertTrue(Double.isNaN(RampOnset.rateAt(rates(50, 52, 49, 51, 50, 52, 50, 10), now, HORIZON)));
        // given too few samples to know the usual step
        assertTrue(Double.isNaN(RampOnset.rateAt(rates(50, 51, 50, 51, 90), now, HORIZON)));
    }

    @Test
    void anUnmeasuredSampleInTheWindowGivesNoOnset() {
        // given a gap in the arrival rate just before the step
        List<Sample> recent = new ArrayList<>(rates(50, 52, 49, 51, 50, 52, 50, 80));
        recent.set(6, Sample.at(recent.get(6).epochMillis()).build());
        // when / then
        assertTrue(Double.isNaN(RampOnset.rateAt(recent, Instant.ofEpochMilli(NOW), HORIZON)));
    }
}
