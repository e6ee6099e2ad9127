package dev.homeostat.ml.policy;

import dev.homeostat.ml.telemetry.Sample;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recent trend is the least-squares line of the last minute's measured rates, read at the horizon's end. */
class TrendFitTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final Duration HORIZON = Duration.ofSeconds(60);

    /** Samples 15 s apart ending at {@link #T0}, with these arrival rates (NaN = not measured). */
    private static List<Sample> rates(double... rates) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            samples.add(Sample.at(T0 - 15_000L * (rates.length - 1 - i)).arrivalRate(rates[i]).build());
        }
        return samples;
    }

    @Test
    void exactLineIsExtrapolatedToTheHorizonsEnd() {
        // 2 per 3 s; 60 s past the last sample: 130 + 40.
        assertEquals(170.0, TrendFit.risingRateAt(rates(100, 110, 120, 130), Instant.ofEpochMilli(T0), HORIZON), 1e-9);
    }

    @Test
    void noisyRatesGiveTheLeastSquaresLine() {
        // By hand: t = -45, -30, -15, 0 s; means -22.5 s and 116.5/s; slope 765 / 1125 = 0.68/s;
        // read 5 s after the last sample plus 60 s: 116.5 + 0.68 × (65 + 22.5) = 176.0.
        double at = TrendFit.risingRateAt(rates(100, 115, 118, 133), Instant.ofEpochMilli(T0 + 5_000), HORIZON);
        assertEquals(176.0, at, 1e-9);
    }

    @Test
    void onlyTheLastMinuteCounts() {
        List<Sample> withOldDip = rates(500, 0, 100, 110, 120, 130);
        assertEquals(170.0, TrendFit.risingRateAt(withOldDip, Instant.ofEpochMilli(T0), HORIZON), 1e-9);
    }

    @Test
    void unmeasuredSamplesAreSkipped() {
        // Three measured points of the same line: t = -45, -15, 0 s.
        assertEquals(170.0, TrendFit.risingRateAt(rates(100, Double.NaN, 120, 130), Instant.ofEpochMilli(T0), HORIZON),
                1e-9);
        assertTrue(Double.isNaN(TrendFit.risingRateAt(rates(100, Double.NaN, Double.NaN, 130),
                Instant.ofEpochMilli(T0), HORIZON)), "two measured samples are not a trend");
    }

    @Test
    void flatFallingOrShortSeriesGiveNoTrend() {
        Instant now = Instant.ofEpochMilli(T0);
        assertTrue(Double.isNaN(TrendFit.risingRateAt(rates(130, 120, 110, 100), now, HORIZON)));
        assertTrue(Double.isNaN(TrendFit.risingRateAt(rates(100, 100, 100, 100), now, HORIZON)));
        assertTrue(Double.isNaN(TrendFit.risingRateAt(rates(100, 110), now, HORIZON)));
    }
}
