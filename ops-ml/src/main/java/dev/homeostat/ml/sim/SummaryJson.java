package dev.homeostat.ml.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Locale;

/** Writes a {@link Benchmark.Result} as {@code summary.json}, built as a Jackson tree. */
final class SummaryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    // Two-space indent, "key": value and \n on every OS, as the file was written before Jackson; arrays one element
    // a line.
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(INDENT).withArrayIndenter(INDENT));

    private SummaryJson() {
    }

    static String render(Benchmark.Result r, String command) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("trace", r.trace());
        root.put("command", command);
        SimOptions o = r.options();
        ObjectNode options = root.putObject("options");
        options.put("peakReplicas", o.peakReplicas());
        put(options, "capacity", o.capacity());
        put(options, "capacitySpread", o.capacitySpread());
        options.put("readyDelaySeconds", o.readyDelaySeconds());
        options.put("partitions", o.partitions());
        options.put("rebalanceSeconds", o.rebalanceSeconds());
        put(options, "sloSeconds", o.sloSeconds());
        put(options, "compress", o.compress());
        options.put("telemetrySeconds", o.telemetrySeconds());
        options.put("telemetryDelaySeconds", o.telemetryDelaySeconds());
        put(options, "trainFraction", o.trainFraction());
        options.put("rangeAssignment", o.rangeAssignment());
        options.put("minReplicas", o.minReplicas());
        options.put("maxReplicas", o.maxReplicas());
        root.put("simulatedSeconds", r.profile().durationSeconds());
        root.put("evaluationStartSecond", r.evalStart());
        root.put("seeds", r.runs().stream().mapToLong(RunResult::seed).distinct().count());
        root.put("timelineStepSeconds", r.timelineStep());
        put(root, "wallSeconds", r.wallSeconds());
        root.put("reference", r.reference());
        root.put("referenceMeetsSlo", r.referenceMeetsSlo());
        put(root, "sloTargetPercent", Benchmark.SLO_TARGET_PERCENT);
        TargetCheck check = TargetCheck.of(r, "homeostat");
        if (check != null) {
            ObjectNode target = root.putObject("homeostatTarget");
            target.put("met", check.met());
            target.put("sloMet", check.sloMet());
            target.put("costWithin" + num(TargetCheck.COST_FACTOR).replace(".", "_") + "xOptimum", check.costMet());
            target.put("beatsHpa", check.beatsHpa());
            target.put("beatsKeda", check.beatsKeda());
        }
        ObjectNode optimum = root.putObject("optimum");
        ArrayNode perSeed = optimum.putArray("perSeed");
        for (int i = 0; i < r.optima().size(); i++) {
            ObjectNode seed = perSeed.addObject();
            seed.put("seed", i + 1);
            plan(seed, r.optima().get(i));
        }
        plan(optimum.putObject("expectedLoad"), r.expectedPlan());
        ObjectNode policies = root.putObject("policies");
        for (PolicySummary p : r.summaries()) {
            ObjectNode policy = policies.putObject(p.policy());
            stat(policy, "replicaSeconds", p.replicaSeconds());
            stat(policy, "costOverReference", p.costOverReference());
            stat(policy, "costOverOptimum", r.costOverOptimumStat(p.policy()));
            stat(policy, "costOverWorkBound", p.costOverWorkBound());
            stat(policy, "percentTimeOverSlo", p.percentOverSlo());
            stat(policy, "maxTimeLagSeconds", p.maxTimeLag());
            stat(policy, "scalingActions", p.actions());
            stat(policy, "rebalanceSeconds", p.rebalanceSeconds());
        }
        ArrayNode runs = root.putArray("runs");
        for (RunResult run : r.runs()) {
            ObjectNode row = runs.addObject();
            row.put("policy", run.policy());
            row.put("seed", run.seed());
            put(row, "replicaSeconds", run.replicaSeconds());
            put(row, "workBound", run.workBound());
            put(row, "percentTimeOverSlo", run.percentOverSlo());
            put(row, "maxTimeLagSeconds", run.maxTimeLagSeconds());
            row.put("scalingActions", run.actions());
            row.put("rebalanceSeconds", run.rebalanceSeconds());
            put(row, "arrivals", run.arrivals());
            put(row, "processed", run.processed());
            put(row, "lagAtStart", run.lagAtStart());
            put(row, "lagAtEnd", run.lagAtEnd());
        }
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            // a tree of strings, numbers and booleans always serialises; this would be a Jackson bug
            throw new IllegalStateException(e);
        }
    }

    private static void plan(ObjectNode node, OfflineOptimum.Plan plan) {
        put(node, "replicaSeconds", plan.cost());
        put(node, "percentTimeOverSlo", plan.percentOverSlo());
        put(node, "lowerBound", plan.lowerBound());
        put(node, "gap", plan.gap());
    }

    private static void stat(ObjectNode node, String name, Stat s) {
        ObjectNode stat = node.putObject(name);
        put(stat, "mean", s.mean());
        put(stat, "sd", s.sd());
    }

    private static void put(ObjectNode node, String name, double v) {
        node.set(name, number(v));
    }

    /**
     * {@code v} as a JSON number rounded as {@link #num} prints it (6 significant digits, whole numbers without a
     * point: the precision the hand-written file had), or null for NaN and infinities, which JSON cannot hold.
     */
    static JsonNode number(double v) {
        return Double.isFinite(v) ? DecimalNode.valueOf(new BigDecimal(num(v))) : NullNode.getInstance();
    }

    /** {@code v} to 6 significant digits without trailing zeros, whole numbers as integers; "null" when not finite. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }
}
