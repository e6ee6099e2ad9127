package dev.homeostat.ml.sim;

import java.util.Locale;

/** Writes a {@link Benchmark.Result} as {@code summary.json} (hand-written: the jar ships no JSON library). */
final class SummaryJson {

    private SummaryJson() {
    }

    static String render(Benchmark.Result r, String command) {
        SimOptions o = r.options();
        StringBuilder b = new StringBuilder(4096);
        b.append("{\n");
        field(b, 1, "trace", r.trace()).append(",\n");
        field(b, 1, "command", command).append(",\n");
        indent(b, 1).append("\"options\": {");
        b.append("\"peakReplicas\": ").append(o.peakReplicas())
                .append(", \"capacity\": ").append(num(o.capacity()))
                .append(", \"capacitySpread\": ").append(num(o.capacitySpread()))
                .append(", \"readyDelaySeconds\": ").append(o.readyDelaySeconds())
                .append(", \"partitions\": ").append(o.partitions())
                .append(", \"rebalanceSeconds\": ").append(o.rebalanceSeconds())
                .append(", \"sloSeconds\": ").append(num(o.sloSeconds()))
                .append(", \"compress\": ").append(num(o.compress()))
                .append(", \"telemetrySeconds\": ").append(o.telemetrySeconds())
                .append(", \"telemetryDelaySeconds\": ").append(o.telemetryDelaySeconds())
                .append(", \"trainFraction\": ").append(num(o.trainFraction()))
                .append(", \"rangeAssignment\": ").append(o.rangeAssignment())
                .append(", \"minReplicas\": ").append(o.minReplicas())
                .append(", \"maxReplicas\": ").append(o.maxReplicas())
                .append("},\n");
        indent(b, 1).append("\"simulatedSeconds\": ").append(r.profile().durationSeconds()).append(",\n");
        indent(b, 1).append("\"evaluationStartSecond\": ").append(r.evalStart()).append(",\n");
        indent(b, 1).append("\"seeds\": ").append(r.runs().stream().mapToLong(RunResult::seed).distinct().count()).append(",\n");
        indent(b, 1).append("\"timelineStepSeconds\": ").append(r.timelineStep()).append(",\n");
        indent(b, 1).append("\"wallSeconds\": ").append(num(r.wallSeconds())).append(",\n");
        indent(b, 1).append("\"reference\": ").append(r.reference() == null ? "null" : quote(r.reference())).append(",\n");
        indent(b, 1).append("\"referenceMeetsSlo\": ").append(r.referenceMeetsSlo()).append(",\n");
        indent(b, 1).append("\"sloTargetPercent\": ").append(num(Benchmark.SLO_TARGET_PERCENT)).append(",\n");
        TargetCheck check = TargetCheck.of(r, "homeostat");
        if (check != null) {
            indent(b, 1).append("\"homeostatTarget\": {\"met\": ").append(check.met())
                    .append(", \"sloMet\": ").append(check.sloMet())
                    .append(", \"costWithin").append(num(TargetCheck.COST_FACTOR).replace(".", "_"))
                    .append("xOptimum\": ").append(check.costMet())
                    .append(", \"beatsHpa\": ").append(check.beatsHpa())
                    .append(", \"beatsKeda\": ").append(check.beatsKeda()).append("},\n");
        }
        indent(b, 1).append("\"optimum\": {\"perSeed\": [");
        for (int i = 0; i < r.optima().size(); i++) {
            OfflineOptimum.Plan plan = r.optima().get(i);
            b.append(i == 0 ? "" : ", ").append("{\"seed\": ").append(i + 1).append(", ");
            plan(b, plan).append('}');
        }
        b.append("], \"expectedLoad\": {");
        plan(b, r.expectedPlan()).append("}},\n");
        indent(b, 1).append("\"policies\": {\n");
        for (int i = 0; i < r.summaries().size(); i++) {
            PolicySummary p = r.summaries().get(i);
            indent(b, 2).append(quote(p.policy())).append(": {");
            stat(b, "replicaSeconds", p.replicaSeconds()).append(", ");
            stat(b, "costOverReference", p.costOverReference()).append(", ");
            stat(b, "costOverOptimum", r.costOverOptimumStat(p.policy())).append(", ");
            stat(b, "costOverWorkBound", p.costOverWorkBound()).append(", ");
            stat(b, "percentTimeOverSlo", p.percentOverSlo()).append(", ");
            stat(b, "maxTimeLagSeconds", p.maxTimeLag()).append(", ");
            stat(b, "scalingActions", p.actions()).append(", ");
            stat(b, "rebalanceSeconds", p.rebalanceSeconds());
            b.append('}').append(i + 1 < r.summaries().size() ? ",\n" : "\n");
        }
        indent(b, 1).append("},\n");
        indent(b, 1).append("\"runs\": [\n");
        for (int i = 0; i < r.runs().size(); i++) {
            RunResult run = r.runs().get(i);
            indent(b, 2).append("{\"policy\": ").append(quote(run.policy()))
                    .append(", \"seed\": ").append(run.seed())
                    .append(", \"replicaSeconds\": ").append(num(run.replicaSeconds()))
                    .append(", \"workBound\": ").append(num(run.workBound()))
                    .append(", \"percentTimeOverSlo\": ").append(num(run.percentOverSlo()))
                    .append(", \"maxTimeLagSeconds\": ").append(num(run.maxTimeLagSeconds()))
                    .append(", \"scalingActions\": ").append(run.actions())
                    .append(", \"rebalanceSeconds\": ").append(run.rebalanceSeconds())
                    .append(", \"arrivals\": ").append(num(run.arrivals()))
                    .append(", \"processed\": ").append(num(run.processed()))
                    .append(", \"lagAtStart\": ").append(num(run.lagAtStart()))
                    .append(", \"lagAtEnd\": ").append(num(run.lagAtEnd()))
                    .append('}').append(i + 1 < r.runs().size() ? ",\n" : "\n");
        }
        indent(b, 1).append("]\n");
        b.append("}\n");
        return b.toString();
    }

    private static StringBuilder plan(StringBuilder b, OfflineOptimum.Plan plan) {
        return b.append("\"replicaSeconds\": ").append(num(plan.cost()))
                .append(", \"percentTimeOverSlo\": ").append(num(plan.percentOverSlo()))
                .append(", \"lowerBound\": ").append(num(plan.lowerBound()))
                .append(", \"gap\": ").append(num(plan.gap()));
    }

    private static StringBuilder stat(StringBuilder b, String name, Stat s) {
        return b.append(quote(name)).append(": {\"mean\": ").append(num(s.mean())).append(", \"sd\": ")
                .append(num(s.sd())).append('}');
    }

    private static StringBuilder field(StringBuilder b, int depth, String name, String value) {
        return indent(b, depth).append(quote(name)).append(": ").append(quote(value));
    }

    private static StringBuilder indent(StringBuilder b, int depth) {
        return b.append("  ".repeat(depth));
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
