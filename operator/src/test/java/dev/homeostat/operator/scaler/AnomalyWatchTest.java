package dev.homeostat.operator.scaler;

import dev.homeostat.ml.telemetry.Sample;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default load-signal threshold with the operator's detector sizes: reachable by a surge, not by a step of load. */
class AnomalyWatchTest {

    static final double THRESHOLD = Double.parseDouble(AnomalyWatch.DEFAULT_THRESHOLD);
    static final int STEADY_ROUNDS = 1000;
    static final int STEP_ROUNDS = 40;
    final ScalerSettings settings = new ScalerSettings(Duration.ofSeconds(15), Duration.ofSeconds(60), 120);

    /**
     * Findings of a watch fed 1,000 rounds of 100/s (5 % noise, arrivals = processed, one replica), none of which may
     * be flagged, then {@value #STEP_ROUNDS} rounds at {@code factor} times that: one entry per step round, null when
     * nothing was flagged.
     */
    List<AnomalyWatch.Finding> findingsAfterStep(double factor) {
        AnomalyWatch watch = new AnomalyWatch("t/app", THRESHOLD, settings::detector);
        Random noise = new Random(7);
        List<AnomalyWatch.Finding> findings = new ArrayList<>();
        for (int round = 0; round < STEADY_ROUNDS + STEP_ROUNDS; round++) {
            boolean stepped = round >= STEADY_ROUNDS;
            double rate = 100 * (1 + 0.05 * noise.nextGaussian()) * (stepped ? factor : 1);
            watch.observe(Sample.at(round * 15_000L).arrivalRate(rate).processedRate(rate).readyReplicas(1).build());
            AnomalyWatch.Finding now = watch.finding().orElse(null);
            if (stepped) {
                findings.add(now);
                if (round == STEADY_ROUNDS) {
                    assertEquals(now != null, watch.state().active(), "a flagged load signal is handed to the policy");
                }
            } else {
                assertTrue(now == null, "flagged steady noise at round " + round + ": " + now);
            }
        }
        return findings;
    }

    @Test
    void aFivefoldSurgeOfArrivalsIsFlaggedAtOnce() {
        AnomalyWatch.Finding first = findingsAfterStep(5).get(0);
        assertTrue(first != null, "a fivefold surge was not flagged");
        assertEquals("arrival_rate", first.signal());
        // reachable: the detector never scores above about 0.986
        assertTrue(first.score() >= THRESHOLD && first.score() < 0.99, "score " + first.score());
    }

    @Test
    void aDoublingOrHalvingOfLoadIsNotAnAnomalyByItself() {
        for (double factor : new double[] {2, 0.5}) {
            List<AnomalyWatch.Finding> flagged = findingsAfterStep(factor).stream().filter(f -> f != null).toList();
            assertTrue(flagged.isEmpty(), factor + "x was flagged: " + flagged);
        }
    }
}
