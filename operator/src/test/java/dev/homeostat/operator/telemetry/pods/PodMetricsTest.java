package dev.homeostat.operator.telemetry.pods;

import static dev.homeostat.operator.telemetry.pods.PrometheusTextParserTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures Homeostat reads from one pod, on real captures. */
class PodMetricsTest {

    private static PodMetrics read(String text) throws MalformedMetricsException {
        return PodMetrics.from(PrometheusTextParser.parse(text, PodMetrics.NAMES::contains));
    }

    @Test
    void tradeSignalsFigures() throws Exception {
        // given the real output of trade-signals (3 input partitions, G1 heap)
        // when read
        PodMetrics metrics = read(fixture("trade-signals-2.txt"));

        // then the counters and gauges are those in the capture
        assertEquals(2733.0, metrics.recordsIn());
        assertEquals(35.0, metrics.recordsOut());
        assertEquals(0.0, metrics.errors());
        assertEquals(0.128514542, metrics.processingSum(), 1e-12);
        assertTrue(metrics.busyRatio() >= 0 && metrics.busyRatio() <= 1, "busy " + metrics.busyRatio());
        // G1's young pools report max -1: only the old generation's max (the -Xmx) counts
        assertEquals(6.320816128E9, metrics.heapMaxBytes());
        assertTrue(metrics.heapUsedBytes() > 0 && metrics.heapUsedBytes() < metrics.heapMaxBytes());
        assertTrue(metrics.cpuCores() >= 0, "cpu " + metrics.cpuCores());
    }

    @Test
    void aProducerHasNoRecordsIn() throws Exception {
        PodMetrics metrics = read(fixture("market-feed.txt"));
        assertTrue(Double.isNaN(metrics.recordsIn()), "market-feed consumes nothing");
        assertEquals(2739.0, metrics.recordsOut());
    }

    @Test
    void aNonFiniteValueInAMetricWeReadRejectsThePod() {
        var error = assertThrows(MalformedMetricsException.class,
                () -> read("homeostat_busy_ratio{app=\"x\"} NaN\n"));
        assertTrue(error.getMessage().contains("homeostat_busy_ratio"), error.getMessage());
        assertThrows(MalformedMetricsException.class, () -> read("homeostat_records_in_total +Inf\n"));
    }

    @Test
    void aNonFiniteValueElsewhereIsNotOurConcern() throws Exception {
        // fraud-scoring exposes fraud_model_age_seconds NaN before its first model: not a reason to drop the pod
        var metrics = read("fraud_model_age_seconds NaN\nhomeostat_records_in_total{topic=\"p\"} 5\n");
        assertEquals(5.0, metrics.recordsIn());
    }

    @Test
    void aNegativeCounterRejectsThePod() {
        assertThrows(MalformedMetricsException.class, () -> read("homeostat_records_in_total -5\n"));
    }

    @Test
    void sumsOverTopics() throws Exception {
        var samples = List.of(new MetricSample("homeostat_records_in_total", Map.of("topic", "a"), 2),
                new MetricSample("homeostat_records_in_total", Map.of("topic", "b"), 3));
        assertEquals(5.0, PodMetrics.from(samples).recordsIn());
    }
}
