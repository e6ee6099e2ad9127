package dev.homeostat.operator.telemetry.pods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeostat.operator.telemetry.SourceResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counters to rates across rounds: resets, new pods, pods that went away, pods that did not answer. */
class PodSignalsTest {

    private final PodSignals app = new PodSignals();

    private static PodMetrics pod(double recordsIn, double processingSum, double busy, double heapUsed) {
        return new PodMetrics(recordsIn, Double.NaN, 0, processingSum, busy, heapUsed, 1000, 0.5);
    }

    /** One round in which every pod was read {@code seconds} after the test's origin. */
    private SourceResult round(long seconds, Map<String, PodMetrics> pods) {
        var readAt = new LinkedHashMap<String, Double>();
        pods.keySet().forEach(uid -> readAt.put(uid, (double) seconds));
        return round(pods, readAt);
    }

    /** One round in which each pod was read at its own time ({@code readAt}: uid to seconds after the origin). */
    private SourceResult round(Map<String, PodMetrics> pods, Map<String, Double> readAt) {
        var scrapes = new LinkedHashMap<String, MetricsScraper.PodScrape>();
        var names = new LinkedHashMap<String, String>();
        pods.forEach((uid, metrics) -> {
            scrapes.put(uid, metrics == null ? MetricsScraper.PodScrape.failed("no answer within 5000 ms")
                    : MetricsScraper.PodScrape.ok(metrics, (long) (readAt.get(uid) * 1e9)));
            names.put(uid, "pod-" + uid);
        });
        return app.round(scrapes, names, 0);
    }

    @Test
    void firstRoundHasNoRatesThenRatesAreSummedOverPods() {
        // given two pods seen for the first time
        var first = round(0, Map.of("a", pod(100, 1, 0.5, 10), "b", pod(200, 2, 0.7, 20)));

        // then no rate yet (unknown, not zero), but gauges are there
        assertTrue(first.ok());
        assertTrue(Double.isNaN(first.signals().processedRate()));
        assertEquals(0.6, first.signals().busyFraction(), 1e-9);
        assertEquals(30.0, first.signals().heapUsedBytes());
        assertEquals(2.0, first.signals().readyPods());

        // when both counted on for 10 s
        var second = round(10, Map.of("a", pod(200, 2, 0.5, 10), "b", pod(500, 5, 0.7, 20)));

        // then the app's rate is the sum of the pods' rates, processing time per record from the deltas
        assertEquals(40.0, second.signals().processedRate(), 1e-9);
        assertEquals(4.0 / 400, second.signals().processingSeconds(), 1e-12);
    }

    @Test
    void eachPodsRateIsOverTheTimeBetweenItsOwnReads() {
        // given two pods read at the same moment
        round(0, Map.of("a", pod(0, 0, 0.5, 10), "b", pod(0, 0, 0.5, 10)));

        // when in the next round a is read 10 s later, but b's scrape queued and was read 20 s later, both having
        // processed 10 records/s all along
        var late = round(Map.of("a", pod(100, 1, 0.5, 10), "b", pod(200, 2, 0.5, 10)), Map.of("a", 10.0, "b", 20.0));

        // then each pod's increase is divided by its own elapsed time: 10 + 10, not 300 over one interval
        assertEquals(20.0, late.signals().processedRate(), 1e-9);
    }

    @Test
    void aCounterResetCountsFromZeroNotNegative() {
        // given a pod at 1000 records
        round(0, Map.of("a", pod(1000, 10, 0.5, 10)));

        // when its container restarted and counted 50 since
        var afterReset = round(10, Map.of("a", pod(50, 0.5, 0.5, 10)));

        // then the increase is 50, not -950
        assertEquals(5.0, afterReset.signals().processedRate(), 1e-9);
    }

    @Test
    void aNewPodWithoutBaselineMakesTheSumUnknownForOneRound() {
        // given one pod with a baseline
        round(0, Map.of("a", pod(100, 1, 0.5, 10)));

        // when a second pod appears
        var withNewPod = round(10, Map.of("a", pod(200, 2, 0.5, 10), "b", pod(7, 0.1, 0.5, 10)));

        // then the app's rate is unknown (a partial sum would look like a drop in load), not 10 and not 0
        assertTrue(Double.isNaN(withNewPod.signals().processedRate()));

        // and one round later both count
        var next = round(20, Map.of("a", pod(300, 3, 0.5, 10), "b", pod(57, 0.6, 0.5, 10)));
        assertEquals(15.0, next.signals().processedRate(), 1e-9);
    }

    @Test
    void aPodThatWentAwayStopsCountingWithoutADip() {
        // given two pods counting
        round(0, Map.of("a", pod(100, 1, 0.5, 10), "b", pod(100, 1, 0.5, 10)));
        round(10, Map.of("a", pod(200, 2, 0.5, 10), "b", pod(200, 2, 0.5, 10)));

        // when pod b is gone
        var after = round(20, Map.of("a", pod(300, 3, 0.5, 10)));

        // then the rate is a's alone (its 10/s), not a negative jump from b's vanished total
        assertEquals(10.0, after.signals().processedRate(), 1e-9);

        // and if b's uid came back it would have no baseline (it was forgotten)
        var back = round(30, Map.of("a", pod(400, 4, 0.5, 10), "b", pod(300, 3, 0.5, 10)));
        assertTrue(Double.isNaN(back.signals().processedRate()));
    }

    @Test
    void aPodThatDidNotAnswerMakesSumsUnknownAndSaysWhich() {
        // given two pods with baselines
        round(0, Map.of("a", pod(100, 1, 0.4, 10), "b", pod(100, 1, 0.8, 10)));

        // when b does not answer
        var pods = new LinkedHashMap<String, PodMetrics>();
        pods.put("a", pod(200, 2, 0.4, 10));
        pods.put("b", null);
        var partial = round(10, pods);

        // then the source is not ok, sums are unknown, the mean busy ratio comes from the pod that answered
        assertFalse(partial.ok());
        assertTrue(partial.reason().contains("pod-b: no answer within 5000 ms"), partial.reason());
        assertTrue(Double.isNaN(partial.signals().processedRate()));
        assertTrue(Double.isNaN(partial.signals().heapUsedBytes()));
        assertEquals(0.4, partial.signals().busyFraction(), 1e-9);
        assertEquals(2.0, partial.signals().readyPods());
    }

    @Test
    void realCapturesFiveSecondsApart() throws Exception {
        // given two real scrapes of one trade-signals process, 5 s apart (records in 2150 then 2733)
        var first = PodMetrics.from(PrometheusTextParser.parse(PrometheusTextParserTest.fixture("trade-signals-1.txt"),
                PodMetrics.NAMES::contains));
        var second = PodMetrics.from(PrometheusTextParser.parse(PrometheusTextParserTest.fixture("trade-signals-2.txt"),
                PodMetrics.NAMES::contains));

        // when they are two rounds of the same pod
        round(0, Map.of("p", first));
        var result = round(5, Map.of("p", second));

        // then the processed rate is (2733 - 2150) / 5, and processing time per record Δsum / Δrecords
        assertEquals(583.0 / 5, result.signals().processedRate(), 1e-9);
        assertEquals((0.128514542 - 0.101211425) / 583.0, result.signals().processingSeconds(), 1e-12);
        assertEquals(8.0 / 5, result.signals().recordsOutRate(), 1e-9);
    }

    @Test
    void busyAboveOneIsClampedPerPod() {
        var result = round(0, Map.of("a", pod(1, 0, 1.8, 1), "b", pod(1, 0, 0.2, 1)));
        assertEquals(0.6, result.signals().busyFraction(), 1e-9);
    }
}
