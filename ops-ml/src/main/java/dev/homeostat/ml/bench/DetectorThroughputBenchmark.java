package dev.homeostat.ml.bench;

import dev.homeostat.ml.anomaly.Detectors;
import dev.homeostat.ml.anomaly.StreamingDetector;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scoring throughput of a streaming detector in samples per second on one thread: each invocation
 * scores the next {@value #BATCH} samples of a 5-minute series with a daily cycle, noise and rare
 * spikes, with one detector that keeps learning (so periodic refits are included).
 * Run: {@code java -cp ops-ml/target/homeostat-ml.jar org.openjdk.jmh.Main DetectorThroughputBenchmark -f 1 -wi 2 -i 3 -t 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DetectorThroughputBenchmark {

    private static final int BATCH = 10_000;
    private static final int LENGTH = 100_000;

    @Param({"homeostat"})
    public String detector;

    private double[] values;
    private StreamingDetector instance;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        values = new double[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            values[i] = 50 + 20 * Math.sin(2 * Math.PI * i / 288.0) + 2 * random.nextGaussian() + (random.nextDouble() < 0.001 ? 40 : 0);
        }
        instance = Detectors.create(detector, 42);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void score(Blackhole sink) {
        for (int k = 0; k < BATCH; k++) {
            int i = next;
            next = (next + 1) % LENGTH;
            sink.consume(instance.score(1_400_000_000_000L + 300_000L * i, values[i]));
        }
    }
}
