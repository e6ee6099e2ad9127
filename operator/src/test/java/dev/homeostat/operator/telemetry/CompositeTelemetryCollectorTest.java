package dev.homeostat.operator.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Merging sources, deadlines, failures and their counts, with hand-written sources. */
class CompositeTelemetryCollectorTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final ScrapeTarget APP = new ScrapeTarget("ns", "app", "StreamApp", Map.of("a", "b"), 8080,
            "/q/metrics", Optional.of(new KafkaTarget("127.0.0.1:1", "g", List.of("t"), Map.of())));

    /** A source answering what the test tells it to. */
    private static final class ScriptedSource implements TelemetrySource {
        private final String name;
        private final Supplier<CompletionStage<SourceResult>> answer;
        private final List<String> forgotten = new ArrayList<>();

        ScriptedSource(String name, Supplier<CompletionStage<SourceResult>> answer) {
            this.name = name;
            this.answer = answer;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean appliesTo(ScrapeTarget target) {
            return true;
        }

        @Override
        public CompletionStage<SourceResult> collect(ScrapeTarget target, Instant now) {
            return answer.get();
        }

        @Override
        public void forget(ScrapeTarget target) {
            forgotten.add(target.key());
        }
    }

    private static TelemetryReading collect(TelemetryCollector collector) throws Exception {
        return collector.collect(APP, NOW).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void mergesSignalsPreferringPodsThenKafka() throws Exception {
        // given pods measuring processed rate and busy, Kafka measuring lag, arrivals and a processed-rate fallback
        var kafka = new ScriptedSource("kafka", () -> CompletableFuture.completedFuture(SourceResult.ok(
                Signals.builder().lagRecords(500).lagSeconds(5).arrivalRate(100).processedRate(90).partitions(6)
                        .maxPartitionLagRecords(200).build())));
        var pods = new ScriptedSource("pods", () -> CompletableFuture.completedFuture(SourceResult.ok(
                Signals.builder().processedRate(95).busyFraction(0.5).heapUsedBytes(10).heapMaxBytes(100)
                        .readyPods(2).restarts(3).recordsOutRate(7).processingSeconds(0.01).build())));
        var collector = new CompositeTelemetryCollector(List.of(kafka, pods), Duration.ofSeconds(5));

        // when collected
        TelemetryReading reading = collect(collector);

        // then each signal comes from its preferred source, the rest from the other, unmeasured stays NaN
        assertEquals(95.0, reading.sample().processedRate(), "pods win over Kafka's commit-based rate");
        assertEquals(100.0, reading.sample().arrivalRate());
        assertEquals(500.0, reading.sample().lagRecords());
        assertEquals(5.0, reading.sample().lagSeconds());
        assertEquals(0.5, reading.sample().busyFraction());
        assertEquals(2.0, reading.sample().readyReplicas());
        assertEquals(10.0, reading.sample().memory());
        assertTrue(Double.isNaN(reading.sample().latencyP99()), "nobody measured latency");
        assertTrue(Double.isNaN(reading.sample().errors()), "nobody measured errors");
        assertEquals(6, reading.partitions());
        assertEquals(200.0, reading.maxPartitionLagRecords());
        assertEquals(100.0, reading.heapLimitBytes());
        assertEquals(3, reading.restarts());
        assertEquals(7.0, reading.recordsOutRate());
        assertEquals(0.01, reading.processingSeconds());
        assertTrue(reading.complete());
        assertEquals(List.of("pods", "kafka"), reading.health().stream().map(SourceHealth::source).toList());
    }

    @Test
    void aSourceThatNeverAnswersIsMissingAfterItsDeadlineAndTheOthersStillCount() throws Exception {
        // given a Kafka source that never answers and pods that do
        var kafka = new ScriptedSource("kafka", CompletableFuture::new);
        var pods = new ScriptedSource("pods", () -> CompletableFuture.completedFuture(SourceResult.ok(
                Signals.builder().processedRate(95).build())));
        var collector = new CompositeTelemetryCollector(List.of(kafka, pods), Duration.ofMillis(200));

        // when collected twice
        collect(collector);
        TelemetryReading reading = collect(collector);

        // then Kafka is missing with the reason and two failures in a row; the pods' signal is there
        SourceHealth health = reading.health("kafka").orElseThrow();
        assertFalse(health.ok());
        assertEquals("no answer within 200 ms", health.reason());
        assertEquals(2, health.consecutiveFailures());
        assertFalse(reading.complete());
        assertEquals(95.0, reading.sample().processedRate());
        assertTrue(Double.isNaN(reading.sample().lagRecords()), "missing lag is NaN, never 0");
    }

    @Test
    void aThrowingSourceIsAFailureAndRecoveryResetsTheCount() throws Exception {
        // given a source that throws once, fails asynchronously once, then works
        var calls = new int[1];
        var flaky = new ScriptedSource("pods", () -> {
            calls[0]++;
            if (calls[0] == 1) {
                throw new IllegalStateException("boom");
            }
            if (calls[0] == 2) {
                return CompletableFuture.failedFuture(new java.io.IOException("connection refused"));
            }
            return CompletableFuture.completedFuture(SourceResult.ok(Signals.NONE));
        });
        var collector = new CompositeTelemetryCollector(List.of(flaky), Duration.ofSeconds(5));

        // when collected three times
        SourceHealth first = collect(collector).health("pods").orElseThrow();
        SourceHealth second = collect(collector).health("pods").orElseThrow();
        SourceHealth third = collect(collector).health("pods").orElseThrow();

        // then the failures carry their reasons and counts, and success resets the count
        assertEquals("IllegalStateException: boom", first.reason());
        assertEquals(1, first.consecutiveFailures());
        assertEquals("IOException: connection refused", second.reason());
        assertEquals(2, second.consecutiveFailures());
        assertTrue(third.ok());
        assertEquals(0, third.consecutiveFailures());
    }

    @Test
    void forgetReachesEverySource() {
        var a = new ScriptedSource("pods", CompletableFuture::new);
        var b = new ScriptedSource("kafka", CompletableFuture::new);
        new CompositeTelemetryCollector(List.of(a, b), Duration.ofSeconds(1)).forget(APP);
        assertEquals(List.of("ns/app"), a.forgotten);
        assertEquals(List.of("ns/app"), b.forgotten);
    }
}
