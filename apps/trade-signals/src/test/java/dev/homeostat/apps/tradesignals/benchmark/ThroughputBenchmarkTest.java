package dev.homeostat.apps.tradesignals.benchmark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeostat.apps.tradesignals.SignalProcessor;
import dev.homeostat.apps.tradesignals.TradeSignalsConfig;
import dev.homeostat.apps.tradesignals.domain.CrossoverStrategy;
import dev.homeostat.kafka.testing.EmbeddedKafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput of trade-signals against the same pipeline written on kafka-clients (same parsing,
 * strategy, order producer, checkpoints and commit order) and a raw kafka-clients read, on the same backlog, in one JVM
 * with the embedded broker. Run: {@code ./mvnw -B -o -pl apps/trade-signals verify -Pbenchmark}
 * (optionally {@code -Dbench.records=N}). Prints every figure and the ratios; asserts nothing about time.
 */
@QuarkusTest
@TestProfile(ThroughputBenchmarkTest.Profile.class)
@Tag("benchmark")
class ThroughputBenchmarkTest {

    /** The app reads the backlog topic, starts paused, and runs with production checkpoint settings. */
    public static final class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.incoming.quotes.topics", BenchmarkBacklog.TOPIC,
                    "mp.messaging.incoming.quotes.group.id", "trade-signals-bench",
                    "mp.messaging.incoming.quotes.pausable", "true",
                    "mp.messaging.incoming.quotes.initially-paused", "true",
                    "trade-signals.orders-topic", "bench-orders",
                    "trade-signals.state-topic", "bench-state",
                    "trade-signals.checkpoint-interval", "PT0.2S",
                    "trade-signals.lag-interval", "PT5S",
                    "quarkus.log.category.\"dev.homeostat\".level", "WARN");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(BenchmarkBacklog.class));
        }
    }

    @Inject
    SignalProcessor processor;

    @Inject
    ChannelRegistry channels;

    @Inject
    TradeSignalsConfig config;

    @Inject
    ObjectMapper mapper;

    @Test
    void tradeSignalsVersusRawConsumer() throws Exception {
        long records = BenchmarkBacklog.records();
        String bootstrap = EmbeddedKafkaBroker.shared().bootstrapServers();
        List<Long> jit = new ArrayList<>(List.of(Measurement.jitMillis()));
        Measurement rawBefore = RawConsumerPass.run(bootstrap, BenchmarkBacklog.TOPIC, records);
        jit.add(Measurement.jitMillis());
        Measurement app = appPass(records);
        jit.add(Measurement.jitMillis());
        Measurement rawAfter = RawConsumerPass.run(bootstrap, BenchmarkBacklog.TOPIC, records);
        jit.add(Measurement.jitMillis());
        CrossoverStrategy.Options options =
                new CrossoverStrategy.Options(config.fastPeriod(), config.slowPeriod(), config.orderQuantity(), config.band());
        Measurement rawDomain = RawDomainPass.run(bootstrap, BenchmarkBacklog.TOPIC, records, options);
        jit.add(Measurement.jitMillis());
        Measurement pipeline = KafkaClientsPipelinePass.run(bootstrap, BenchmarkBacklog.TOPIC, records, options,
                config.checkpointInterval(), mapper);
        jit.add(Measurement.jitMillis());

        double rawRate = Math.max(rawBefore.recordsPerSecond(), rawAfter.recordsPerSecond());
        double rawPerCpu = Math.max(rawBefore.recordsPerCpuSecond(), rawAfter.recordsPerCpuSecond());
        System.out.printf("%nBENCH cores available: %d, records: %,d, partitions: %d, first %,d of each pass are JIT warm-up%n",
                Runtime.getRuntime().availableProcessors(), records, BenchmarkBacklog.PARTITIONS, BenchmarkBacklog.warmUp(records));
        System.out.println("BENCH " + rawBefore.line());
        System.out.println("BENCH " + app.line());
        System.out.println("BENCH " + rawAfter.line().replace("consumer  ", "(again) "));
        System.out.println("BENCH " + rawDomain.line());
        System.out.println("BENCH " + pipeline.line());
        System.out.printf("BENCH JIT compilation per pass (whole pass, warm-up included), ms: raw %d, trade-signals %d, raw again %d, "
                + "clients + domain %d, clients pipeline %d%n", jit.get(1) - jit.get(0), jit.get(2) - jit.get(1),
                jit.get(3) - jit.get(2), jit.get(4) - jit.get(3), jit.get(5) - jit.get(4));
        System.out.printf("BENCH ratio trade-signals / kafka-clients pipeline (same work): %.2f (records/s), %.2f (records/CPU-s); target >= 0.80%n",
                app.recordsPerSecond() / pipeline.recordsPerSecond(), app.recordsPerCpuSecond() / pipeline.recordsPerCpuSecond());
        System.out.printf("BENCH ratio kafka-clients pipeline / best raw read:             %.2f (records/s), %.2f (records/CPU-s)%n",
                pipeline.recordsPerSecond() / rawRate, pipeline.recordsPerCpuSecond() / rawPerCpu);
        System.out.printf("BENCH ratio trade-signals / best raw read:                     %.2f (records/s), %.2f (records/CPU-s)%n",
                app.recordsPerSecond() / rawRate, app.recordsPerCpuSecond() / rawPerCpu);
        System.out.printf("BENCH ratio trade-signals / kafka-clients + domain: %.2f (records/s), %.2f (records/CPU-s)%n",
                app.recordsPerSecond() / rawDomain.recordsPerSecond(), app.recordsPerCpuSecond() / rawDomain.recordsPerCpuSecond());
        assertTrue(processor.processed() >= records, "trade-signals processed " + processor.processed());
    }

    private Measurement appPass(long records) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        channels.getPausable("quotes").resume();
        long warmUp = BenchmarkBacklog.warmUp(records);
        while (processor.processed() < warmUp) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("trade-signals processed only " + processor.processed() + " of " + records);
            }
            Thread.sleep(1);
        }
        long counted = processor.processed();
        long wallStart = System.nanoTime();
        long cpuStart = Measurement.processCpuNanos();
        while (processor.processed() < records) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("trade-signals processed only " + processor.processed() + " of " + records);
            }
            Thread.sleep(1);
        }
        return new Measurement("trade-signals (SmallRye, batch)", processor.processed() - counted,
                System.nanoTime() - wallStart, Measurement.processCpuNanos() - cpuStart);
    }
}
