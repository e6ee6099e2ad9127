package dev.homeostat.operator.telemetry.pods;

import dev.homeostat.operator.telemetry.Signals;
import dev.homeostat.operator.telemetry.SourceResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One app's pod-level arithmetic across rounds: counters to rates with {@link CounterRates}, gauges summed or
 * averaged over the ready pods. A sum over pods is only given when every ready pod answered and every pod that
 * exposes the counter has a baseline: a partial sum would look like a real drop in load, and missing telemetry
 * must never read as low load. The busy ratio is a mean, so it is given from the pods that answered. Each pod's
 * rate is over the time between its own two reads ({@link MetricsScraper.PodScrape#readNanos()}), not between the
 * rounds that asked for them: scrapes queue for a slot and answer late under load.
 */
final class PodSignals {

    private final CounterRates rates = new CounterRates();

    /** Forgets baselines of pods that are no longer ready. */
    void retainPods(List<String> uids) {
        rates.retainPods(new java.util.HashSet<>(uids));
    }

    /** Computes the app's signals from this round's scrapes, keyed by pod uid ({@code names}: uid to pod name). */
    SourceResult round(Map<String, MetricsScraper.PodScrape> scrapes, Map<String, String> names, double restarts) {
        rates.retainPods(scrapes.keySet());
        var failures = new ArrayList<String>();
        var answered = new ArrayList<Map.Entry<String, MetricsScraper.PodScrape>>();
        scrapes.forEach((uid, scrape) -> {
            if (scrape.ok()) {
                answered.add(Map.entry(uid, scrape));
            } else {
                failures.add(names.get(uid) + ": " + scrape.failure());
            }
        });
        boolean complete = failures.isEmpty();
        Increases in = increases(answered, PodMetrics.RECORDS_IN, PodMetrics::recordsIn);
        Increases out = increases(answered, PodMetrics.RECORDS_OUT, PodMetrics::recordsOut);
        Increases errors = increases(answered, PodMetrics.ERRORS, PodMetrics::errors);
        Increases processing = increases(answered, PodMetrics.PROCESSING_SUM, PodMetrics::processingSum);
        Increases records = in.exposed() ? in : out;
        var signals = Signals.builder()
                .readyPods(scrapes.size())
                .restarts(restarts)
                .busyFraction(mean(answered, PodMetrics::busyRatio));
        if (complete) {
            signals.processedRate(in.rate())
                    .recordsOutRate(out.rate())
                    .errorsRate(errors.rate())
                    .processingSeconds(records.delta() > 0 ? processing.delta() / records.delta() : Double.NaN)
                    .heapUsedBytes(sum(answered, PodMetrics::heapUsedBytes))
                    .heapMaxBytes(sum(answered, PodMetrics::heapMaxBytes))
                    .cpuCores(sum(answered, PodMetrics::cpuCores));
            return SourceResult.ok(signals.build());
        }
        return SourceResult.partial(signals.build(),
                failures.size() + " of " + scrapes.size() + " ready pods gave no sample: " + String.join("; ", failures));
    }

    /**
     * Increases of one counter over the answering pods.
     *
     * @param exposed whether any pod exposes the counter
     * @param delta   summed increase, NaN unless every exposing pod has a baseline
     * @param rate    summed per-second rate, NaN likewise
     */
    private record Increases(boolean exposed, double delta, double rate) {
    }

    private Increases increases(List<Map.Entry<String, MetricsScraper.PodScrape>> pods, String counter,
                                ToDoubleFunction<PodMetrics> value) {
        boolean exposed = false;
        boolean known = true;
        double delta = 0;
        double rate = 0;
        for (var pod : pods) {
            double total = value.applyAsDouble(pod.getValue().metrics());
            if (Double.isNaN(total)) {
                continue;
            }
            exposed = true;
            CounterRates.Increase increase = rates.increase(pod.getKey(), counter, total, pod.getValue().readNanos());
            if (increase.known()) {
                delta += increase.delta();
                rate += increase.rate();
            } else {
                known = false;
            }
        }
        return known && exposed ? new Increases(true, delta, rate) : new Increases(exposed, Double.NaN, Double.NaN);
    }

    private static double sum(List<Map.Entry<String, MetricsScraper.PodScrape>> pods, ToDoubleFunction<PodMetrics> value) {
        double total = 0;
        for (var pod : pods) {
            double v = value.applyAsDouble(pod.getValue().metrics());
            if (Double.isNaN(v)) {
                return Double.NaN; // one pod without the figure: the sum is unknown
            }
            total += v;
        }
        return pods.isEmpty() ? Double.NaN : total;
    }

    private static double mean(List<Map.Entry<String, MetricsScraper.PodScrape>> pods, ToDoubleFunction<PodMetrics> value) {
        double total = 0;
        int count = 0;
        for (var pod : pods) {
            double v = value.applyAsDouble(pod.getValue().metrics());
            if (!Double.isNaN(v)) {
                total += Math.max(0, Math.min(1, v));
                count++;
            }
        }
        return count == 0 ? Double.NaN : total / count;
    }
}
