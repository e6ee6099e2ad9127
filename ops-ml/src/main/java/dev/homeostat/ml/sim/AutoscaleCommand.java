package dev.homeostat.ml.sim;

import dev.homeostat.ml.cli.Subcommand;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code autoscale}: replays a trace through the simulated consumer group under every policy and
 * seed, writes {@code summary.json}, one timeline CSV per policy and seed, and {@code report.svg},
 * and prints the summary table.
 */
public final class AutoscaleCommand implements Subcommand {

    private static final String USAGE = """
            usage: autoscale --trace FILE --out DIR [--peak-replicas N] [--capacity MU] [--ready-delay S]
                             [--partitions P] [--rebalance S] [--slo S] [--compress F] [--seeds N]
                             [--policies a,b,...] [--threads T] [--timeline-step S] [--range-assignment]
                             [--max-replicas N] [--no-frontier]
              policies: static-peak, hpa, keda, rate, homeostat, oracle (= oracle-1.0,0.9,0.8,0.7) or oracle-U, optimum
              defaults: peak 20 replicas, capacity 100/s, ready delay 60 s, 24 partitions, rebalance 5 s,
                        SLO 10 s, compress 1, 5 seeds, all policies, 2 threads, timeline step automatic
                        (10 s or coarser, at most 20000 rows), fluid partitions, max replicas = partitions
              also runs each policy's main knob swept (the frontier: table, frontier.json rows in summary.json,
              frontier.svg) unless --no-frontier""";

    private static final Set<String> VALUED = Set.of("--trace", "--out", "--peak-replicas", "--capacity", "--ready-delay",
            "--partitions", "--rebalance", "--slo", "--compress", "--seeds", "--policies", "--threads",
            "--timeline-step", "--max-replicas");
    private static final Set<String> FLAGS = Set.of("--range-assignment", "--no-frontier");

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
        Map<String, String> a = parse(args);
        if (a.containsKey("--help")) {
            out.println(USAGE);
            return 0;
        }
        if (!a.containsKey("--trace") || !a.containsKey("--out")) {
            throw new IllegalArgumentException("--trace and --out are required\n" + USAGE);
        }
        Path tracePath = Path.of(a.get("--trace"));
        Path outDir = Path.of(a.get("--out"));
        SimOptions d = SimOptions.defaults();
        int partitions = integer(a, "--partitions", d.partitions());
        SimOptions options = new SimOptions(
                integer(a, "--peak-replicas", d.peakReplicas()),
                decimal(a, "--capacity", d.capacity()),
                d.capacitySpread(),
                integer(a, "--ready-delay", d.readyDelaySeconds()),
                partitions,
                integer(a, "--rebalance", d.rebalanceSeconds()),
                decimal(a, "--slo", d.sloSeconds()),
                decimal(a, "--compress", d.compress()),
                d.telemetrySeconds(),
                d.telemetryDelaySeconds(),
                d.trainFraction(),
                a.containsKey("--range-assignment"),
                d.minReplicas(),
                integer(a, "--max-replicas", partitions));
        List<PolicySpec> policies = new java.util.ArrayList<>(
                Policies.parse(a.getOrDefault("--policies", String.join(",", Policies.ALL))));
        boolean frontier = !a.containsKey("--no-frontier");
        if (frontier) {
            policies.addAll(Frontier.specs());
        }
        Benchmark.Config config = new Benchmark.Config(options, integer(a, "--seeds", 5), policies,
                integer(a, "--threads", 2), outDir, integer(a, "--timeline-step", 0));
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
        return 0;
    }

    private void print(Benchmark.Result r) {
        out.printf(Locale.ROOT, "trace %s: %d s simulated, evaluation from %d s, %d seeds, %.1f s wall%n",
                r.trace(), r.profile().durationSeconds(), r.evalStart(),
                r.runs().stream().mapToLong(RunResult::seed).distinct().count(), r.wallSeconds());
        OfflineOptimum.Plan o = r.optimum();
        out.printf(Locale.ROOT, "offline optimum (perfect foresight, ≤ %.1f%% over SLO on the expected load): %.4g replica-s, "
                        + "%.2f%% over SLO, lower bound %.4g (gap ≤ %.1f%%)%n", Benchmark.SLO_TARGET_PERCENT, o.cost(),
                o.percentOverSlo(), o.lowerBound(), 100 * o.gap());
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
            out.printf(Locale.ROOT, "homeostat target: %s (SLO ≤ %.1f%%: %s; cost ≤ %.2f× reference: %s; beats hpa: %s; beats keda: %s)%n",
                    check.met() ? "MET" : "NOT MET", Benchmark.SLO_TARGET_PERCENT, check.sloMet(),
                    TargetCheck.COST_FACTOR, check.costMet(), check.beatsHpa(), check.beatsKeda());
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String k = args[i];
            if (k.equals("--help") || k.equals("-h")) {
                a.put("--help", "");
            } else if (FLAGS.contains(k)) {
                a.put(k, "");
            } else if (VALUED.contains(k)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(k + " needs a value\n" + USAGE);
                }
                a.put(k, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option '" + k + "'\n" + USAGE);
            }
        }
        return a;
    }

    private static int integer(Map<String, String> a, String key, int fallback) {
        String v = a.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " needs a whole number, got '" + v + "'");
        }
    }

    private static double decimal(Map<String, String> a, String key, double fallback) {
        String v = a.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " needs a number, got '" + v + "'");
        }
    }
}
