package dev.homeostat.ml.sim;

import dev.homeostat.ml.cli.CommandLineOptions;
import dev.homeostat.ml.cli.Subcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code autoscale}: replays a trace through the simulated consumer group under every policy and
 * seed, writes {@code summary.json}, one timeline CSV per policy and seed, and {@code report.svg},
 * and prints the summary table.
 */
public final class AutoscaleCommand implements Subcommand {

    /** The command line; defaults as {@link SimOptions#defaults()}. */
    @Command(name = "autoscale", sortOptions = false,
            description = "Replays a trace through a simulated consumer group under every policy and seed.",
            footer = {"Policies: static-peak, hpa, keda, rate, homeostat, optimum, oracle",
                    "(= oracle-1.0, oracle-0.9, oracle-0.8, oracle-0.7) or oracle-U.",
                    "Unless --no-frontier, also sweeps each policy's main knob (the frontier:",
                    "a table, frontier rows in summary.json and frontier.svg)."})
    static final class Arguments {
        private static final SimOptions DEFAULTS = SimOptions.defaults();

        @Option(names = "--trace", required = true, paramLabel = "FILE", description = "timestamp,value CSV to replay")
        Path trace;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "where summary.json, timelines and SVGs go")
        Path out;
        @Option(names = "--peak-replicas", paramLabel = "N", description = "replicas the trace's peak needs (default ${DEFAULT-VALUE})")
        int peakReplicas = DEFAULTS.peakReplicas();
        @Option(names = "--capacity", paramLabel = "MU", description = "records/s one replica processes (default ${DEFAULT-VALUE})")
        double capacity = DEFAULTS.capacity();
        @Option(names = "--ready-delay", paramLabel = "S", description = "seconds from scale-up to consuming (default ${DEFAULT-VALUE})")
        int readyDelay = DEFAULTS.readyDelaySeconds();
        @Option(names = "--partitions", paramLabel = "P", description = "topic partitions (default ${DEFAULT-VALUE})")
        int partitions = DEFAULTS.partitions();
        @Option(names = "--rebalance", paramLabel = "S", description = "seconds a rebalance pauses the group (default ${DEFAULT-VALUE})")
        int rebalance = DEFAULTS.rebalanceSeconds();
        @Option(names = "--slo", paramLabel = "S", description = "time-lag SLO in seconds (default ${DEFAULT-VALUE})")
        double slo = DEFAULTS.sloSeconds();
        @Option(names = "--compress", paramLabel = "F", description = "time compression of the trace (default ${DEFAULT-VALUE})")
        double compress = DEFAULTS.compress();
        @Option(names = "--seeds", paramLabel = "N", description = "seeds per policy (default ${DEFAULT-VALUE})")
        int seeds = 5;
        @Option(names = "--policies", paramLabel = "a,b,...", description = "policies to run (default all)")
        String policies = String.join(",", Policies.ALL);
        @Option(names = "--threads", paramLabel = "T", description = "threads (default ${DEFAULT-VALUE})")
        int threads = 2;
        @Option(names = "--timeline-step", paramLabel = "S",
                description = "timeline row spacing; 0 = automatic (10 s or coarser, at most 20000 rows)")
        int timelineStep;
        @Option(names = "--range-assignment", description = "range partition assignment instead of fluid partitions")
        boolean rangeAssignment;
        @Option(names = "--max-replicas", paramLabel = "N", description = "largest group (default: the partitions)")
        Integer maxReplicas;
        @Option(names = "--no-frontier", description = "skip the swept-knob frontier")
        boolean noFrontier;
        @Option(names = "--explain", description = "also write homeostat-decisions.csv (seed 1: each decision's "
                + "figures beside the offline optimum's count) and print which reasons cost replica-seconds above it")
        boolean explain;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
        boolean help;
    }

    private final PrintStream out;

    /** A command printing to standard output. */
    public AutoscaleCommand() {
        this(System.out);
    }

    AutoscaleCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public int run(String[] args) throws Exception {
        Arguments a = new Arguments();
        if (!CommandLineOptions.parse(a, args, out)) {
            return 0;
        }
        Path tracePath = a.trace;
        Path outDir = a.out;
        SimOptions d = SimOptions.defaults();
        SimOptions options = new SimOptions(a.peakReplicas, a.capacity, d.capacitySpread(), a.readyDelay,
                a.partitions, a.rebalance, a.slo, a.compress, d.telemetrySeconds(), d.telemetryDelaySeconds(),
                d.trainFraction(), a.rangeAssignment, d.minReplicas(),
                a.maxReplicas == null ? a.partitions : a.maxReplicas);
        List<PolicySpec> policies = new java.util.ArrayList<>(Policies.parse(a.policies));
        boolean frontier = !a.noFrontier;
        if (frontier) {
            policies.addAll(Frontier.specs());
        }
        Benchmark.Config config = new Benchmark.Config(options, a.seeds, policies, a.threads, outDir, a.timelineStep);
        Trace trace = Trace.read(tracePath);
        Benchmark.Result result = Benchmark.run(trace, config);
        String command = "autoscale " + String.join(" ", args);
        Files.writeString(outDir.resolve("summary.json"), SummaryJson.render(result, command), StandardCharsets.UTF_8);
        Benchmark.Result main = result.without(Frontier.specs().stream().map(PolicySpec::name).toList());
        Files.writeString(outDir.resolve("report.svg"), SvgReport.render(main), StandardCharsets.UTF_8);
        print(main);
        if (frontier) {
            Map<String, List<Frontier.Point>> points = Frontier.points(result);
            Files.writeString(outDir.resolve("frontier.svg"), Frontier.svg(result.trace(), points), StandardCharsets.UTF_8);
            out.println("frontier (each policy's main knob swept; knob = HPA/rate/homeostat target utilisation, "
                    + "KEDA lagThreshold ÷ (μ × SLO)):");
            out.print(Frontier.table(points));
            int[] cheaper = Frontier.homeostatCheaper(points);
            out.printf(Locale.ROOT, "homeostat cheaper at the SLO-miss level of %d of %d baseline settings%n",
                    cheaper[0], cheaper[1]);
        }
        if (a.explain) {
            out.println("homeostat (seed 1) replica-seconds by the reason that set each decision, against the "
                    + "optimum's count one ready delay later (" + outDir.resolve("homeostat-decisions.csv") + "):");
            out.print(Benchmark.explainHomeostat(trace, options, outDir.resolve("homeostat-decisions.csv")));
        }
        return 0;
    }

    private void print(Benchmark.Result r) {
        out.printf(Locale.ROOT, "trace %s: %d s simulated, evaluation from %d s, %d seeds, %.1f s wall%n",
                r.trace(), r.profile().durationSeconds(), r.evalStart(),
                r.runs().stream().mapToLong(RunResult::seed).distinct().count(), r.wallSeconds());
        Stat cost = r.optimumStat(OfflineOptimum.Plan::cost);
        Stat over = r.optimumStat(OfflineOptimum.Plan::percentOverSlo);
        Stat bound = r.optimumStat(OfflineOptimum.Plan::lowerBound);
        double maxGap = r.optima().stream().mapToDouble(OfflineOptimum.Plan::gap).max().orElse(Double.NaN);
        out.printf(Locale.ROOT, "offline optimum per seed (perfect foresight of the seed's realised arrivals and replica "
                        + "capacities, ≤ %.1f%% over SLO): %.4g±%.2g replica-s, %.2f±%.2f%% over SLO, lower bound %.4g "
                        + "(gap ≤ %.1f%% on every seed); cost/opt = mean over seeds of cost ÷ that seed's optimum%n",
                Benchmark.SLO_TARGET_PERCENT, cost.mean(), cost.sd(), over.mean(), over.sd(), bound.mean(), 100 * maxGap);
        OfflineOptimum.Plan e = r.expectedPlan();
        out.printf(Locale.ROOT, "offline optimum on the expected load (noise-free curve, mean capacity; not faced by any "
                        + "run): %.4g replica-s, %.2f%% over SLO, lower bound %.4g (gap ≤ %.1f%%)%n", e.cost(),
                e.percentOverSlo(), e.lowerBound(), 100 * e.gap());
        out.printf(Locale.ROOT, "reference oracle: %s%s%n", r.reference(),
                r.referenceMeetsSlo() ? "" : " (no oracle met the SLO target; least time over SLO shown)");
        double evalHours = (r.profile().durationSeconds() - r.evalStart()) / 3600.0;
        out.printf(Locale.ROOT, "%-12s %12s %8s %8s %10s %12s %10s %9s %9s %11s%n", "policy", "cost/work", "cost/opt",
                "cost/ref", "%overSLO", "maxLag(s)", "actions", "actions/h", "rebal(s)", "replica-s");
        for (PolicySummary s : r.summaries()) {
            out.printf(Locale.ROOT, "%-12s %6.3f±%-5.3f %8.3f %8.3f %5.2f±%-4.2f %12.1f %10.0f %9.2f %9.0f %11.4g%n", s.policy(),
                    s.costOverWorkBound().mean(), s.costOverWorkBound().sd(), r.costOverOptimum(s.policy()),
                    s.costOverReference().mean(),
                    s.percentOverSlo().mean(), s.percentOverSlo().sd(), s.maxTimeLag().mean(), s.actions().mean(),
                    s.actions().mean() / evalHours, s.rebalanceSeconds().mean(), s.replicaSeconds().mean());
        }
        TargetCheck check = TargetCheck.of(r, "homeostat");
        if (check != null) {
            out.printf(Locale.ROOT, "homeostat target: %s (SLO ≤ %.1f%%: %s; cost ≤ %.2f× optimum: %s); dominates hpa: %s, keda: %s%n",
                    check.met() ? "MET" : "NOT MET", Benchmark.SLO_TARGET_PERCENT, check.sloMet(),
                    TargetCheck.COST_FACTOR, check.costMet(), check.beatsHpa(), check.beatsKeda());
        }
    }
}
