package dev.homeostat.ml.state;

import dev.homeostat.ml.capacity.CapacityEstimator;
import dev.homeostat.ml.forecast.Forecast;
import dev.homeostat.ml.forecast.SeasonalForecaster;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator persists models and resumes them after a restart: the resumed model must behave identically. */
class ModelRoundTripTest {

    private static final long STEP = 300_000;

    private static double load(SplittableRandom random, int i) {
        double day = (double) (i * STEP % 86_400_000L) / 86_400_000L;
        return 800 + 300 * Math.sin(2 * Math.PI * day) + 30 * random.nextGaussian();
    }

    @Test
    void aRestoredForecasterContinuesExactlyLikeTheOriginal() {
        // given a forecaster that has seen 9 days (daily and weekly seasons learnt)
        SeasonalForecaster.Options options = new SeasonalForecaster.Options(Duration.ofMinutes(5),
                Duration.ofMinutes(30), List.of(Duration.ofDays(1), Duration.ofDays(7)), Duration.ofMinutes(30),
                0.9, true);
        SeasonalForecaster original = SeasonalForecaster.create(options);
        SplittableRandom random = new SplittableRandom(1);
        int i = 0;
        for (; i < 9 * 288; i++) {
            original.observe(i * STEP, load(random, i));
        }

        // when it is persisted, restored, and both see the same next day
        byte[] bytes = original.toBytes();
        SeasonalForecaster restored = SeasonalForecaster.fromBytes(bytes);
        assertArrayEquals(bytes, restored.toBytes());
        for (int end = i + 288; i < end; i++) {
            double v = load(random, i);
            original.observe(i * STEP, v);
            restored.observe(i * STEP, v);
        }

        // then they forecast identically
        long next = i * STEP + 20 * 60_000;
        Forecast a = original.forecastAt(next);
        assertEquals(a, restored.forecastAt(next));
        assertEquals(original.peak(i * STEP, next), restored.peak(i * STEP, next));
        assertArrayEquals(original.toBytes(), restored.toBytes());
        assertTrue(a.ready() && a.seasonal(), a.toString());
    }

    @Test
    void aRestoredCapacityEstimatorKeepsItsEstimate() {
        // given
        CapacityEstimator original = CapacityEstimator.create(CapacityEstimator.Options.defaults());
        for (int i = 0; i < 200; i++) {
            original.observe(100 + i % 7, 0.5, 2);
        }

        // when
        CapacityEstimator restored = CapacityEstimator.fromBytes(original.toBytes());

        // then
        assertEquals(original.estimate(), restored.estimate());
        assertEquals(original.usedCount(), restored.usedCount());
        original.observe(90, 0.5, 1);
        restored.observe(90, 0.5, 1);
        assertEquals(original.estimate(), restored.estimate());
    }

    @Test
    void modelStateOfAnotherKindOrWithImpossibleValuesIsRefused() {
        // given a forecaster's bytes, and a capacity state whose window claims impossible values
        byte[] forecaster = SeasonalForecaster.create(SeasonalForecaster.Options.defaults()).toBytes();
        StateCodec<Object> forged = new StateCodec<>() {
            @Override
            public String kind() {
                return CapacityEstimator.CODEC.kind();
            }

            @Override
            public int version() {
                return 1;
            }

            @Override
            public void write(Object ignored, StateWriter out) {
                out.writeDouble(0.1).writeInt(3).writeInt(1);
                out.writeInt(0).writeInt(2).writeLong(2).writeLong(0);
                out.writeDoubles(new double[] {1, -5, 0});
            }

            @Override
            public Object read(StateReader in, int version) {
                throw new UnsupportedOperationException();
            }
        };

        // when / then
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> CapacityEstimator.fromBytes(forecaster));
        assertTrue(kind.getMessage().contains("forecast.seasonal"), kind.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> CapacityEstimator.fromBytes(ModelState.encode(new Object(), forged)));
        assertTrue(value.getMessage().contains("-5.0"), value.getMessage());
    }
}
