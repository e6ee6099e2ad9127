package dev.homeostat.ml.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every policy on every seed over one trace (a fixed pool of worker threads, one run per task),
 * optionally writing each run's timeline, and summarises: means and spreads over seeds, costs
 * relative to the work bound and to the reference oracle — the cheapest {@code oracle-u} whose mean
 * time over the SLO stays within {@link #SLO_TARGET_PERCENT} %.
 */
public final class Benchmark {

    /** The bar for "meets the SLO": at most this % of evaluation time over it. */
    public static final double SLO_TARGET_PERCENT = 0.5;

    /**
     * What to run.
     *
     * @param options       the simulated cluster
     * @param seeds         number of seeds (seeds 1..n)
     * @param policies      policies to run
     * @param threads       worker threads
     * @param outDir        where timelines go ({@code null}: none)
     * @param timelineStep  seconds per timeline row; 0 picks one giving at most {@link #MAX_TIMELINE_ROWS} rows
     */
    public record Config(SimOptions options, int seeds, List<PolicySpec> policies, int threads, Path outDir,
                         int timelineStep) {

        /** Validates the counts. */
        public Config {
            if (seeds < 1 || seeds > 1000) {
                throw new IllegalArgumentException("seeds must be in [1, 1000], got " + seeds);
            }
            if (policies == null || policies.isEmpty()) {
                throw new IllegalArgumentException("need at least one policy");
            }
            if (threads < 1 || timelineStep < 0) {
                throw new IllegalArgumentException("threads must be >= 1 and timelineStep >= 0, got " + threads
                        + " and " + timelineStep);
            }
        }
    }

    /** Rows per timeline file when the step is picked automatically. */
    public static final int MAX_TIMELINE_ROWS = 20_000;

    /**
     * The outcome.
     *
     * @param trace       trace name
     * @param options     settings
     * @param profile     the load curve
     * @param evalStart   first evaluated second
     * @param windows     the report's windows
     * @param runs        every run
     * @param summaries   per policy, in the order given
     * @param reference   the reference oracle's name, or null when no oracle ran
     * @param referenceMeetsSlo whether the reference met the SLO target (else it is the oracle with the least time over)
     * @param timelineStep seconds per timeline row written (0 when none were written)
     * @param wallSeconds wall time of the runs
     * @param optima      per seed (seed k at index k − 1), the offline optimum's plan over the evaluation part on
     *                    that seed's realised load, within {@link #SLO_TARGET_PERCENT} %: each run's cost is divided
     *                    by its own seed's plan
     * @param expectedPlan the same optimum on the expected load (the noise-free curve), which no run faces; kept
     *                    for comparison with the realised plans
     */
    public record Result(String trace, SimOptions options, LoadProfile profile, int evalStart, ReportWindows windows,
                         List<RunResult> runs, List<PolicySummary> summaries, String reference,
                         boolean referenceMeetsSlo, int timelineStep, double wallSeconds,
                         List<OfflineOptimum.Plan> optima, OfflineOptimum.Plan expectedPlan) {

        /** The same result without the named policies' runs and summaries. */
        public Result without(List<String> policies) {
            return new Result(trace, options, profile, evalStart, windows,
                    runs.stream().filter(x -> !policies.contains(x.policy())).toList(),
                    summaries.stream().filter(x -> !policies.contains(x.policy())).toList(), reference,
                    referenceMeetsSlo, timelineStep, wallSeconds, optima, expectedPlan);
        }

        /** The offline optimum's plan on {@code seed}'s realised load. */
        public OfflineOptimum.Plan optimum(long seed) {
            return optima.get((int) seed - 1);
        }

        /** A policy's cost ÷ the offline optimum's on the same seed, over the seeds (NaN when it did not run). */
        public Stat costOverOptimumStat(String policy) {
            double[] ratios = runs.stream().filter(x -> x.policy().equals(policy))
                    .mapToDouble(x -> x.replicaSeconds() / optimum(x.seed()).cost()).toArray();
            return ratios.length == 0 ? new Stat(Double.NaN, Double.NaN) : Stat.of(ratios);
        }

        /** A policy's mean over seeds of its cost ÷ the offline optimum's on the same seed. */
        public double costOverOptimum(String policy) {
            return costOverOptimumStat(policy).mean();
        }

        /** A figure of the per-seed plans (cost, % over SLO, gap …) over the seeds. */
        public Stat optimumStat(java.util.function.ToDoubleFunction<OfflineOptimum.Plan> figure) {
            return Stat.of(optima.stream().mapToDouble(figure).toArray());
        }

        /** The summary of one policy, if it ran. */
        public PolicySummary summary(String policy) {
            return summaries.stream().filter(s -> s.policy().equals(policy)).findFirst().orElse(null);
        }
    }

    private Benchmark() {
    }

    /** Runs {@code config} on {@code trace}. */
    public static Result run(Trace trace, Config config) throws IOException, InterruptedException {
        SimOptions options = config.options();
        LoadProfile profile = LoadProfile.rescaled(trace, options);
        int evalStart = (int) Math.floor(profile.durationSeconds() * options.trainFraction());
        Simulation simulation = new Simulation(options, profile, evalStart);
        ReportWindows windows = ReportWindows.around(profile, evalStart, 4 * 3600);
        int step = config.timelineStep() > 0 ? config.timelineStep()
                : autoStep(profile.durationSeconds());
        if (config.outDir() != null) {
            Files.createDirectories(config.outDir());
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(config.threads());
        List<Future<RunResult>> futures = new ArrayList<>();
        try {
            // The plans first, one task each, so the pool solves them side by side before the runs.
            Future<OfflineOptimum.Plan> expected = pool.submit(
                    () -> OfflineOptimum.cached(options, profile, evalStart, SLO_TARGET_PERCENT));
            List<Future<OfflineOptimum.Plan>> plans = new ArrayList<>();
            for (int k = 1; k <= config.seeds(); k++) {
                long seed = k;
                plans.add(pool.submit(() -> OfflineOptimum.cachedRealised(options, profile, evalStart,
                        SLO_TARGET_PERCENT, seed)));
            }
            for (int k = 1; k <= config.seeds(); k++) {
                long seed = k;
                for (PolicySpec spec : config.policies()) {
                    futures.add(pool.submit(() -> runOne(simulation, spec, seed, config.outDir(), step, windows)));
                }
            }
            List<RunResult> runs = new ArrayList<>();
            for (Future<RunResult> f : futures) {
                runs.add(f.get());
            }
            List<OfflineOptimum.Plan> optima = new ArrayList<>();
            for (Future<OfflineOptimum.Plan> f : plans) {
                optima.add(f.get());
            }
            double wall = (System.nanoTime() - started) / 1e9;
            return summarise(trace.name(), options, profile, evalStart, windows, runs, config,
                    config.outDir() == null ? 0 : step, wall, optima, expected.get());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs Homeostat (default options) on seed 1 with a {@link DecisionLog} writing every evaluated decision
     * beside the count of the offline optimum planned on seed 1's realised load to {@code csv}; returns the log's table of where the replica-seconds
     * above the optimum come from.
     */
    public static String explainHomeostat(Trace trace, SimOptions options, Path csv) throws IOException {
        LoadProfile profile = LoadProfile.rescaled(trace, options);
        int evalStart = (int) Math.floor(profile.durationSeconds() * options.trainFraction());
        Simulation simulation = new Simulation(options, profile, evalStart);
        OfflineOptimum.Plan optimum = OfflineOptimum.cachedRealised(options, profile, evalStart, SLO_TARGET_PERCENT, 1);
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 16)) {
            DecisionLog log = new DecisionLog(optimum, options.readyDelaySeconds(), HomeostatPolicy.PERIOD_SECONDS, out);
            simulation.run(new PolicySpec("homeostat", c -> new HomeostatPolicy(c, HomeostatPolicy.optionsFor(c.options()),
                    dev.homeostat.ml.policy.ScalingPolicy.Options.FORECAST_COVERAGE, log)), 1, null, 1, null);
            return log.table();
        }
    }

    static int autoStep(int duration) {
        int step = 10;
        while ((long) duration / step > MAX_TIMELINE_ROWS) {
            step += 10;
        }
        return step;
    }

    private static RunResult runOne(Simulation simulation, PolicySpec spec, long seed, Path outDir, int step,
                                    ReportWindows windows) {
        ReportWindows keep = seed == 1 ? windows : null;
        if (outDir == null || Frontier.isSwept(spec.name())) {
            return simulation.run(spec, seed, null, step, keep);
        }
        Path file = outDir.resolve(spec.name() + "-seed" + seed + ".csv");
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            return simulation.run(spec, seed, out, step, keep);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Result summarise(String trace, SimOptions options, LoadProfile profile, int evalStart,
                                    ReportWindows windows, List<RunResult> runs, Config config, int step, double wall,
                                    List<OfflineOptimum.Plan> optima, OfflineOptimum.Plan expectedPlan) {
        Map<String, List<RunResult>> byPolicy = new LinkedHashMap<>();
        for (PolicySpec spec : config.policies()) {
            byPolicy.put(spec.name(), new ArrayList<>());
        }
        for (RunResult r : runs) {
            byPolicy.get(r.policy()).add(r);
        }
        for (List<RunResult> list : byPolicy.values()) {
            list.sort(Comparator.comparingLong(RunResult::seed));
        }
        String reference = null;
        boolean meets = false;
        double bestCost = Double.POSITIVE_INFINITY;
        double leastOver = Double.POSITIVE_INFINITY;
        String leastOverName = null;
        for (Map.Entry<String, List<RunResult>> e : byPolicy.entrySet()) {
            if (!Policies.isOracle(e.getKey())) {
                continue;
            }
            double over = Stat.of(e.getValue().stream().mapToDouble(RunResult::percentOverSlo).toArray()).mean();
            double cost = Stat.of(e.getValue().stream().mapToDouble(RunResult::replicaSeconds).toArray()).mean();
            if (over <= SLO_TARGET_PERCENT && cost < bestCost) {
                bestCost = cost;
                reference = e.getKey();
                meets = true;
            }
            if (over < leastOver) {
                leastOver = over;
                leastOverName = e.getKey();
            }
        }
        if (reference == null) {
            reference = leastOverName;
        }
        List<RunResult> ref = reference == null ? null : byPolicy.get(reference);
        List<PolicySummary> summaries = new ArrayList<>();
        for (Map.Entry<String, List<RunResult>> e : byPolicy.entrySet()) {
            List<RunResult> list = e.getValue();
            double[] overRef = new double[list.size()];
            for (int i = 0; i < list.size(); i++) {
                overRef[i] = ref == null ? Double.NaN : list.get(i).replicaSeconds() / ref.get(i).replicaSeconds();
            }
            summaries.add(new PolicySummary(e.getKey(),
                    Stat.of(list.stream().mapToDouble(RunResult::replicaSeconds).toArray()),
                    ref == null ? new Stat(Double.NaN, Double.NaN) : Stat.of(overRef),
                    Stat.of(list.stream().mapToDouble(RunResult::costOverWorkBound).toArray()),
                    Stat.of(list.stream().mapToDouble(RunResult::percentOverSlo).toArray()),
                    Stat.of(list.stream().mapToDouble(RunResult::maxTimeLagSeconds).toArray()),
                    Stat.of(list.stream().mapToDouble(r -> (double) r.actions()).toArray()),
                    Stat.of(list.stream().mapToDouble(r -> (double) r.rebalanceSeconds()).toArray())));
        }
        return new Result(trace, options, profile, evalStart, windows, runs, summaries, reference, meets, step, wall,
                optima, expectedPlan);
    }
}
