package dev.homeostat.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ComponentsTest {

    @Test
    void neighbourSearchWithPruningMatchesBruteForce() {
        // given 600 random 4-dimensional windows and a component comparing with every past one
        Random random = new Random(21);
        NeighbourComponent component = new NeighbourComponent(300, 4, 4, 1);
        List<double[]> stored = new ArrayList<>();
        for (int t = 0; t < 600; t++) {
            double[] window = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            // when
            double found = component.surprise(window);
            // then it equals the brute-force nearest distance over the remembered, non-excluded windows
            int size = Math.min(stored.size(), 300);
            double best = Double.POSITIVE_INFINITY;
            for (int c = stored.size() - size; c < stored.size() - 4; c++) {
                double sum = 0;
                for (int d = 0; d < 4; d++) {
                    double diff = stored.get(c)[d] - window[d];
                    sum += diff * diff;
                }
                best = Math.min(best, sum);
            }
            assertEquals(best == Double.POSITIVE_INFINITY ? 0.0 : Math.sqrt(best), found, 1e-12, "t=" + t);
            component.learn(window);
            stored.add(window);
        }
    }

    @Test
    void sortedWindowMatchesBruteForceUnderEviction() {
        Random random = new Random(8);
        SortedWindow window = new SortedWindow(25);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            double v = random.nextInt(30);
            window.add(v);
            values.add(v);
            List<Double> last = new ArrayList<>(values.subList(Math.max(0, values.size() - 25), values.size()));
            last.sort(null);
            assertEquals(last.getFirst(), window.quantile(0.0), "i=" + i);
            assertEquals(last.getLast(), window.largest(1), "i=" + i);
            if (last.size() > 1) {
                assertEquals(last.get(last.size() / 2), window.quantile((double) (last.size() / 2) / (last.size() - 1)), 1e-9, "i=" + i);
            }
            long atLeast = last.stream().filter(x -> x >= 15).count();
            assertEquals(atLeast, window.countAtLeast(15), "i=" + i);
        }
    }

    @Test
    void runningMaxMatchesBruteForce() {
        Random random = new Random(5);
        RunningMax max = new RunningMax(7);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            double v = random.nextInt(20);
            max.add(v);
            values.add(v);
            double expected = values.subList(Math.max(0, values.size() - 7), values.size()).stream()
                    .mapToDouble(Double::doubleValue).max().orElseThrow();
            assertEquals(expected, max.max(), "i=" + i);
        }
    }

    @Test
    void robustDeviationIgnoresAnOutlierInItsWindow() {
        RobustDeviation deviation = new RobustDeviation(50);
        for (int i = 0; i < 49; i++) {
            deviation.learn(i % 2 == 0 ? 9.0 : 11.0);
        }
        deviation.learn(1e6);
        assertEquals(0.0, deviation.surprise(10.0), 1e-9);
        assertTrue(deviation.surprise(20.0) >= 4.9);
    }

    @Test
    void detectorsAreLookedUpByName() {
        assertEquals("homeostat", Detectors.names().getFirst());
        assertTrue(Detectors.create("windowedGaussian", 1) instanceof WindowedGaussianDetector);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Detectors.create("magic", 1));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }
}
