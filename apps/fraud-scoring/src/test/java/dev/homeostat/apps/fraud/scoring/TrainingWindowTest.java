package dev.homeostat.apps.fraud.scoring;

import dev.homeostat.apps.fraud.TestPayments;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The bounded, time-limited training window. */
class TrainingWindowTest {

    private static LabelledExample example(double value, long seconds) {
        return new LabelledExample(new double[]{value}, value > 0, TestPayments.T0.plusSeconds(seconds));
    }

    @Test
    void keepsOnlyTheNewestExamplesWhenFull() {
        // given
        TrainingWindow window = new TrainingWindow(3, Duration.ofHours(1));
        // when
        for (int i = 0; i < 5; i++) {
            window.add(example(i, i));
        }
        // then
        List<LabelledExample> fresh = window.freshAt(TestPayments.T0.plusSeconds(10));
        assertEquals(3, window.size());
        assertEquals(List.of(2.0, 3.0, 4.0), fresh.stream().map(e -> e.features()[0]).toList());
    }

    @Test
    void dropsExamplesOlderThanTheMaximumAge() {
        // given
        TrainingWindow window = new TrainingWindow(10, Duration.ofMinutes(1));
        window.add(example(1, 0));
        window.add(example(2, 90));
        // when
        List<LabelledExample> fresh = window.freshAt(TestPayments.T0.plusSeconds(100));
        // then
        assertEquals(1, fresh.size());
        assertEquals(2.0, fresh.getFirst().features()[0]);
    }

    @Test
    void anExampleKeepsItsOwnCopyOfTheFeatures() {
        // given
        double[] features = {1.0};
        LabelledExample example = new LabelledExample(features, true, TestPayments.T0);
        // when
        features[0] = 99;
        // then
        assertEquals(1.0, example.features()[0]);
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingWindow(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new TrainingWindow(1, Duration.ZERO));
    }
}
