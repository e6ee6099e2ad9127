package dev.homeostat.operator.telemetry.pods;

import java.util.List;
import java.util.Set;

/**
 * The figures Homeostat reads from one pod's scrape (names per {@code docs/telemetry.md}); NaN = the pod does not
 * expose it. Counters are raw totals here; {@link CounterRates} turns them into rates.
 *
 * @param recordsIn         {@code homeostat_records_in_total}, summed over topics
 * @param recordsOut        {@code homeostat_records_out_total}, summed over topics
 * @param errors            {@code homeostat_errors_total}, summed over kinds
 * @param processingSum     {@code homeostat_processing_seconds_sum}
 * @param busyRatio         {@code homeostat_busy_ratio}
 * @param heapUsedBytes     {@code jvm_memory_used_bytes{area="heap"}}, summed over pools
 * @param heapMaxBytes      {@code jvm_memory_max_bytes{area="heap"}}, summed over pools that define one (G1's young
 *                          pools report -1, so the old generation's max carries the heap limit)
 * @param cpuCores          {@code process_cpu_usage × system_cpu_count}: the process's CPU in cores
 */
public record PodMetrics(double recordsIn, double recordsOut, double errors, double processingSum, double busyRatio,
                         double heapUsedBytes, double heapMaxBytes, double cpuCores) {

    static final String RECORDS_IN = "homeostat_records_in_total";
    static final String RECORDS_OUT = "homeostat_records_out_total";
    static final String ERRORS = "homeostat_errors_total";
    static final String PROCESSING_SUM = "homeostat_processing_seconds_sum";
    static final String BUSY = "homeostat_busy_ratio";
    static final String HEAP_USED = "jvm_memory_used_bytes";
    static final String HEAP_MAX = "jvm_memory_max_bytes";
    static final String CPU_USAGE = "process_cpu_usage";
    static final String CPU_COUNT = "system_cpu_count";

    /** The metric names this class reads; the parser keeps only these. */
    public static final Set<String> NAMES = Set.of(RECORDS_IN, RECORDS_OUT, ERRORS, PROCESSING_SUM, BUSY, HEAP_USED,
            HEAP_MAX, CPU_USAGE, CPU_COUNT);

    /**
     * Extracts the figures from parsed samples. A NaN or infinite value in a metric we read rejects the whole pod
     * sample (a pod that reports nonsense in one place is not trusted in another), and so does a negative value,
     * except G1's -1 "no max" for a memory pool.
     */
    public static PodMetrics from(List<MetricSample> samples) throws MalformedMetricsException {
        double in = Double.NaN, out = Double.NaN, errors = Double.NaN, processing = Double.NaN, busy = Double.NaN;
        double heapUsed = Double.NaN, heapMax = Double.NaN, cpuUsage = Double.NaN, cpuCount = Double.NaN;
        for (MetricSample s : samples) {
            if (!Double.isFinite(s.value())) {
                throw new MalformedMetricsException("non-finite value " + s.value() + " for " + s.name() + s.labels());
            }
            if (s.value() < 0 && !HEAP_MAX.equals(s.name())) {
                throw new MalformedMetricsException("negative value " + s.value() + " for " + s.name() + s.labels());
            }
            boolean heap = "heap".equals(s.label("area"));
            switch (s.name()) {
                case RECORDS_IN -> in = add(in, s.value());
                case RECORDS_OUT -> out = add(out, s.value());
                case ERRORS -> errors = add(errors, s.value());
                case PROCESSING_SUM -> processing = add(processing, s.value());
                case BUSY -> busy = add(busy, s.value());
                case HEAP_USED -> heapUsed = heap ? add(heapUsed, s.value()) : heapUsed;
                case HEAP_MAX -> heapMax = heap && s.value() >= 0 ? add(heapMax, s.value()) : heapMax;
                case CPU_USAGE -> cpuUsage = s.value();
                case CPU_COUNT -> cpuCount = s.value();
                default -> { }
            }
        }
        return new PodMetrics(in, out, errors, processing, busy, heapUsed, heapMax, cpuUsage * cpuCount);
    }

    private static double add(double total, double value) {
        return Double.isNaN(total) ? value : total + value;
    }
}
