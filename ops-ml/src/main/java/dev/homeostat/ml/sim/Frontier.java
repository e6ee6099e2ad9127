package dev.homeostat.ml.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each policy with its main knob swept, so that a policy is judged at every SLO-miss level it can reach and
 * not only at its defaults: HPA's target utilisation, KEDA's {@code lagThreshold} (as a multiple of what one
 * replica drains within the SLO, μ × SLO), the Flink autoscaler's {@code target.utilization} and Homeostat's
 * predictive target utilisation. {@link #points} reads the results back as cost ÷ optimum against % over SLO;
 * {@link #homeostatCheaper} checks the claim "at every SLO-miss level a baseline reaches, Homeostat is cheaper".
 */
public final class Frontier {

    /** HPA target utilisations swept. */
    static final double[] HPA_TARGETS = {0.5, 0.6, 0.7, 0.8, 0.9};
    /** KEDA lag thresholds swept, in units of μ × SLO. */
    static final double[] KEDA_FACTORS = {0.1, 0.25, 0.5, 1, 2};
    /** Flink autoscaler target utilisations swept. */
    static final double[] RATE_TARGETS = {0.3, 0.5, 0.7, 0.9};
    /** Homeostat target utilisations swept (its default, from {@code forScaling}, is 1.0). */
    static final double[] HOMEOSTAT_TARGETS = {0.6, 0.7, 0.8, 0.9, 1.0};

    /** The family a swept policy belongs to. */
    public static final List<String> FAMILIES = List.of("hpa", "keda", "rate", "homeostat");

    /**
     * One swept setting's outcome.
     *
     * @param family          hpa, keda, rate or homeostat
     * @param knob            the knob's value
     * @param costOverOptimum mean cost ÷ the offline optimum
     * @param percentOverSlo  mean % of evaluation time over the SLO
     * @param actionsPerHour  mean scaling actions per evaluated hour
     */
    public record Point(String family, double knob, double costOverOptimum, double percentOverSlo, double actionsPerHour) {
    }

    private Frontier() {
    }

    /** The swept variants, named {@code family-kKNOB}. */
    public static List<PolicySpec> specs() {
        List<PolicySpec> specs = new ArrayList<>();
        for (double u : HPA_TARGETS) {
            specs.add(new PolicySpec(name("hpa", u), c -> new HpaPolicy(u, min(c), c.options().maxReplicas())));
        }
        for (double f : KEDA_FACTORS) {
            specs.add(new PolicySpec(name("keda", f), c -> new KedaPolicy(f * Policies.kedaLagThreshold(c.options()),
                    Policies.KEDA_ACTIVATION_LAG, c.options().partitions(), min(c), c.options().maxReplicas())));
        }
        for (double u : RATE_TARGETS) {
            specs.add(new PolicySpec(name("rate", u), c -> new RatePolicy(u, min(c), c.options().maxReplicas())));
        }
        for (double u : HOMEOSTAT_TARGETS) {
            specs.add(new PolicySpec(name("homeostat", u), c -> new HomeostatPolicy(c,
                    HomeostatPolicy.optionsFor(c.options()).withTargetUtilization(u))));
        }
        return specs;
    }

    /** Whether {@code policy} is one of the swept variants (they write no timelines). */
    static boolean isSwept(String policy) {
        int dash = policy.indexOf("-k");
        return dash > 0 && FAMILIES.contains(policy.substring(0, dash));
    }

    static String name(String family, double knob) {
        return family + "-k" + java.math.BigDecimal.valueOf(knob).stripTrailingZeros().toPlainString();
    }

    /** The swept points of a result, by family, in sweep order. */
    public static Map<String, List<Point>> points(Benchmark.Result r) {
        double hours = (r.profile().durationSeconds() - r.evalStart()) / 3600.0;
        Map<String, List<Point>> byFamily = new LinkedHashMap<>();
        for (PolicySummary s : r.summaries()) {
            if (!isSwept(s.policy())) {
                continue;
            }
            int dash = s.policy().indexOf("-k");
            String family = s.policy().substring(0, dash);
            byFamily.computeIfAbsent(family, f -> new ArrayList<>()).add(new Point(family,
                    Double.parseDouble(s.policy().substring(dash + 2)), r.costOverOptimum(s.policy()),
                    s.percentOverSlo().mean(), s.actions().mean() / hours));
        }
        return byFamily;
    }

    /**
     * For each baseline point, whether some Homeostat setting reaches at most its % over SLO at a lower cost;
     * returns {@code {cheaper, compared}}.
     */
    public static int[] homeostatCheaper(Map<String, List<Point>> points) {
        List<Point> ours = points.getOrDefault("homeostat", List.of());
        int cheaper = 0;
        int compared = 0;
        for (Map.Entry<String, List<Point>> e : points.entrySet()) {
            if (e.getKey().equals("homeostat")) {
                continue;
            }
            for (Point p : e.getValue()) {
                compared++;
                double best = ours.stream().filter(h -> h.percentOverSlo() <= p.percentOverSlo())
                        .mapToDouble(Point::costOverOptimum).min().orElse(Double.POSITIVE_INFINITY);
                if (best < p.costOverOptimum()) {
                    cheaper++;
                }
            }
        }
        return new int[] {cheaper, compared};
    }

    /** The frontier as a table, one row per swept setting. */
    public static String table(Map<String, List<Point>> points) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-10s %8s %10s %10s %10s%n", "family", "knob", "cost/opt", "%overSLO", "actions/h"));
        for (List<Point> list : points.values()) {
            for (Point p : list) {
                b.append(String.format(Locale.ROOT, "%-10s %8s %10.3f %10.2f %10.2f%n", p.family(),
                        SummaryJson.num(p.knob()), p.costOverOptimum(), p.percentOverSlo(), p.actionsPerHour()));
            }
        }
        return b.toString();
    }

    /** The frontier as a picture: cost ÷ optimum (x) against % over SLO (y), one line per family. */
    public static String svg(String trace, Map<String, List<Point>> points) {
        int width = 900;
        int height = 560;
        int left = 70;
        int top = 50;
        int plotW = 640;
        int plotH = 440;
        double maxX = 1.5;
        double maxY = 1;
        for (List<Point> list : points.values()) {
            for (Point p : list) {
                maxX = Math.max(maxX, Math.min(6, p.costOverOptimum()));
                maxY = Math.max(maxY, p.percentOverSlo());
            }
        }
        maxX = Math.ceil(maxX * 2) / 2;
        double yTop = symlog(maxY) * 1.05;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(b, left, 24, 15, "Cost vs SLO misses, each policy's main knob swept — " + trace);
        text(b, left, 40, 11, "x: cost ÷ offline optimum (capped at 6); y: % of evaluation time over the SLO "
                + "(linear to 0.1 %, log above); dashed: 0.5 % target");
        b.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(plotW)
                .append("\" height=\"").append(plotH).append("\" fill=\"none\" stroke=\"#333\"/>\n");
        for (int k = 0; k <= 5; k++) {
            double xv = 1 + (maxX - 1) * k / 5;
            text(b, (int) (left + plotW * k / 5.0) - 10, top + plotH + 16, 11, String.format(Locale.ROOT, "%.2f", xv));
        }
        for (double yv : new double[] {0, 0.1, 0.5, 1, 5, 10, 50, 100}) {
            if (yv <= maxY * 1.05 || yv <= 1) {
                double yy = top + plotH - plotH * symlog(yv) / yTop;
                b.append("<line x1=\"").append(left).append("\" x2=\"").append(left + plotW).append("\" y1=\"")
                        .append(fmt(yy)).append("\" y2=\"").append(fmt(yy)).append(yv == 0.5
                                ? "\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n" : "\" stroke=\"#eee\"/>\n");
                text(b, left - 40, (int) yy + 4, 11, SummaryJson.num(yv) + " %");
            }
        }
        String[] colors = {"#d62728", "#ff7f0e", "#9467bd", "#2ca02c"};
        int f = 0;
        for (Map.Entry<String, List<Point>> e : points.entrySet()) {
            String color = colors[f % colors.length];
            StringBuilder path = new StringBuilder();
            for (Point p : e.getValue()) {
                double xx = left + plotW * (Math.min(6, p.costOverOptimum()) - 1) / (maxX - 1);
                double yy = top + plotH - plotH * symlog(p.percentOverSlo()) / yTop;
                path.append(path.isEmpty() ? "M" : " L").append(fmt(xx)).append(' ').append(fmt(yy));
                b.append("<circle r=\"4\" fill=\"").append(color).append("\" cx=\"").append(fmt(xx)).append("\" cy=\"")
                        .append(fmt(yy)).append("\"/>\n");
                text(b, (int) xx + 5, (int) yy - 5, 9, SummaryJson.num(p.knob()));
            }
            b.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(color).append("\"/>\n");
            int ly = top + 14 + f * 18;
            b.append("<rect x=\"").append(left + plotW + 20).append("\" y=\"").append(ly - 9)
                    .append("\" width=\"12\" height=\"10\" fill=\"").append(color).append("\"/>\n");
            text(b, left + plotW + 38, ly, 12, e.getKey());
            f++;
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static double symlog(double percent) {
        return percent <= 0.1 ? percent / 0.1 : 1 + Math.log10(percent / 0.1);
    }

    private static void text(StringBuilder b, int x, int y, int size, String s) {
        b.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"").append(size).append("\">")
                .append(s.replace("&", "&amp;").replace("<", "&lt;")).append("</text>\n");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static int min(SimContext c) {
        return Math.max(1, c.options().minReplicas());
    }
}
