package dev.homeostat.ml.sim;

import java.util.List;
import java.util.Locale;

/**
 * Draws {@code report.svg}: arrivals (in replicas' worth, λ ÷ μ) and each policy's requested
 * replicas over the evaluation part and over a zoom window around its peak load (seed 1), and a
 * scatter of cost ÷ work bound against % of time over the SLO (every seed, and the mean).
 */
final class SvgReport {

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int WIDTH = 1100;
    private static final int LEFT = 60;
    private static final int RIGHT = 190;

    private SvgReport() {
    }

    static String render(Benchmark.Result r) {
        StringBuilder b = new StringBuilder(1 << 16);
        int height = 1160;
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(b, LEFT, 24, 16, "Autoscaling on " + r.trace() + String.format(Locale.ROOT,
                " — ready delay %d s, %d partitions, μ = %s/s, SLO %s s, compress ×%s", r.options().readyDelaySeconds(),
                r.options().partitions(), SummaryJson.num(r.options().capacity()), SummaryJson.num(r.options().sloSeconds()),
                SummaryJson.num(r.options().compress())));
        ReportWindows w = r.windows();
        List<RunResult> seedOne = r.runs().stream().filter(x -> x.seed() == 1).toList();
        timeChart(b, r, seedOne, 50, 330, w.overviewFrom(), w.overviewTo(), true,
                "Evaluation part (seed 1): arrivals in replicas' worth (grey) and requested replicas");
        timeChart(b, r, seedOne, 420, 330, w.zoomFrom(), w.zoomTo(), false,
                "Zoom: 4 h of simulated time around the evaluation's peak load");
        scatter(b, r, 800, 330);
        b.append("</svg>\n");
        return b.toString();
    }

    private static void timeChart(StringBuilder b, Benchmark.Result r, List<RunResult> runs, int top, int h,
                                  int from, int to, boolean overview, String title) {
        int plotW = WIDTH - LEFT - RIGHT;
        text(b, LEFT, top - 8, 13, title);
        int n = overview ? r.windows().overviewBuckets() : r.windows().zoomBuckets();
        double[] arrivals = new double[n];
        LoadProfile.Cursor cursor = r.profile().cursor();
        double mu = r.options().capacity();
        double max = 1;
        for (int i = 0; i < n; i++) {
            double t = from + (i + 0.5) * (double) (to - from) / n;
            arrivals[i] = cursor.rateAt(t) / mu;
            max = Math.max(max, arrivals[i]);
        }
        for (RunResult run : runs) {
            for (double v : overview ? run.overview() : run.zoom()) {
                max = Math.max(max, v);
            }
        }
        max = Math.ceil(max / 5) * 5;
        axes(b, top, h, plotW, max, from, to, r.options().compress());
        StringBuilder area = new StringBuilder();
        area.append(x(0, n, plotW)).append(',').append(top + h);
        for (int i = 0; i < n; i++) {
            area.append(' ').append(fmt(x(i + 0.5, n, plotW))).append(',').append(fmt(y(arrivals[i], max, top, h)));
        }
        area.append(' ').append(x(n, n, plotW)).append(',').append(top + h);
        b.append("<polygon fill=\"#dddddd\" stroke=\"none\" points=\"").append(area).append("\"/>\n");
        for (int p = 0; p < runs.size(); p++) {
            double[] series = overview ? runs.get(p).overview() : runs.get(p).zoom();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < series.length; i++) {
                line.append(i == 0 ? "" : " ").append(fmt(x(i + 0.5, series.length, plotW))).append(',')
                        .append(fmt(y(series[i], max, top, h)));
            }
            b.append("<polyline fill=\"none\" stroke-width=\"1.2\" stroke=\"").append(color(r, runs.get(p).policy()))
                    .append("\" points=\"").append(line).append("\"/>\n");
        }
        legend(b, r, top);
    }

    private static void axes(StringBuilder b, int top, int h, int plotW, double max, int from, int to, double compress) {
        b.append("<rect x=\"").append(LEFT).append("\" y=\"").append(top).append("\" width=\"").append(plotW)
                .append("\" height=\"").append(h).append("\" fill=\"none\" stroke=\"#333\"/>\n");
        for (int k = 0; k <= 5; k++) {
            double v = max * k / 5;
            double yy = y(v, max, top, h);
            b.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotW).append("\" y1=\"").append(fmt(yy))
                    .append("\" y2=\"").append(fmt(yy)).append("\" stroke=\"#eee\"/>\n");
            text(b, LEFT - 30, (int) yy + 4, 11, SummaryJson.num(v));
        }
        text(b, 8, top + h / 2, 11, "replicas");
        double hours = (to - from) / 3600.0;
        for (int k = 0; k <= 6; k++) {
            double sec = from + (to - from) * k / 6.0;
            double xx = LEFT + plotW * k / 6.0;
            String label = hours > 48 ? String.format(Locale.ROOT, "day %.1f", sec / 86400) : String.format(Locale.ROOT, "%.1f h", sec / 3600);
            text(b, (int) xx - 20, top + h + 16, 11, label);
        }
        text(b, LEFT + plotW - 160, top + h + 30, 11, "simulated time" + (compress > 1 ? " (trace ×" + SummaryJson.num(compress) + " faster)" : ""));
    }

    private static void scatter(StringBuilder b, Benchmark.Result r, int top, int h) {
        int plotW = WIDTH - LEFT - RIGHT;
        text(b, LEFT, top - 8, 13, "Cost ÷ work bound (x) against % of evaluation time over the SLO (y, log scale "
                + "above 0.1 %); small dots = seeds, large = mean");
        double maxX = 1.0;
        double maxY = 1.0;
        for (RunResult run : r.runs()) {
            maxX = Math.max(maxX, run.costOverWorkBound());
            maxY = Math.max(maxY, run.percentOverSlo());
        }
        maxX = Math.ceil(maxX * 2) / 2;
        double yTop = symlog(maxY) * 1.05;
        b.append("<rect x=\"").append(LEFT).append("\" y=\"").append(top).append("\" width=\"").append(plotW)
                .append("\" height=\"").append(h).append("\" fill=\"none\" stroke=\"#333\"/>\n");
        for (int k = 0; k <= 5; k++) {
            double xv = 1 + (maxX - 1) * k / 5;
            text(b, (int) (LEFT + plotW * k / 5.0) - 10, top + h + 16, 11, String.format(Locale.ROOT, "%.2f", xv));
        }
        for (double yv : new double[]{0, 0.1, 0.5, 1, 5, 10, 50, 100}) {
            if (yv <= maxY * 1.05 || yv <= 1) {
                double yy = top + h - h * symlog(yv) / yTop;
                b.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotW).append("\" y1=\"")
                        .append(fmt(yy)).append("\" y2=\"").append(fmt(yy)).append("\" stroke=\"#eee\"/>\n");
                text(b, LEFT - 34, (int) yy + 4, 11, SummaryJson.num(yv) + " %");
            }
        }
        double sloY = top + h - h * symlog(Benchmark.SLO_TARGET_PERCENT) / yTop;
        b.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotW).append("\" y1=\"").append(fmt(sloY))
                .append("\" y2=\"").append(fmt(sloY)).append("\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n");
        text(b, LEFT + plotW - 90, (int) sloY - 4, 10, Benchmark.SLO_TARGET_PERCENT + " % target");
        for (RunResult run : r.runs()) {
            double xx = LEFT + plotW * (run.costOverWorkBound() - 1) / (maxX - 1);
            double yy = top + h - h * symlog(run.percentOverSlo()) / yTop;
            b.append("<circle r=\"2\" fill=\"").append(color(r, run.policy())).append("\" cx=\"").append(fmt(xx))
                    .append("\" cy=\"").append(fmt(yy)).append("\"/>\n");
        }
        for (int i = 0; i < r.summaries().size(); i++) {
            PolicySummary s = r.summaries().get(i);
            double xx = LEFT + plotW * (s.costOverWorkBound().mean() - 1) / (maxX - 1);
            double yy = top + h - h * symlog(s.percentOverSlo().mean()) / yTop;
            b.append("<circle r=\"5\" fill=\"").append(color(r, s.policy())).append("\" cx=\"").append(fmt(xx))
                    .append("\" cy=\"").append(fmt(yy)).append("\"/>\n");
            // Stagger labels so neighbours stay readable.
            text(b, (int) xx + 6, (int) yy - 6 - 11 * (i % 3), 11, s.policy());
        }
        legend(b, r, top);
    }

    /** Linear up to 0.1 %, logarithmic above: both "never" and "a third of the time" stay visible. */
    private static double symlog(double percent) {
        return percent <= 0.1 ? percent / 0.1 : 1 + Math.log10(percent / 0.1);
    }

    private static void legend(StringBuilder b, Benchmark.Result r, int top) {
        int x0 = WIDTH - RIGHT + 15;
        for (int i = 0; i < r.summaries().size(); i++) {
            String name = r.summaries().get(i).policy();
            int yy = top + 14 + i * 18;
            b.append("<rect x=\"").append(x0).append("\" y=\"").append(yy - 9).append("\" width=\"12\" height=\"10\" fill=\"")
                    .append(color(r, name)).append("\"/>\n");
            text(b, x0 + 18, yy, 12, name);
        }
    }

    private static String color(Benchmark.Result r, String policy) {
        for (int i = 0; i < r.summaries().size(); i++) {
            if (r.summaries().get(i).policy().equals(policy)) {
                return COLORS[i % COLORS.length];
            }
        }
        return "#000";
    }

    private static double x(double i, int n, int plotW) {
        return LEFT + plotW * i / n;
    }

    private static double y(double v, double max, int top, int h) {
        return top + h - h * Math.min(v, max) / max;
    }

    private static void text(StringBuilder b, int x, int y, int size, String s) {
        b.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"").append(size).append("\">")
                .append(s.replace("&", "&amp;").replace("<", "&lt;")).append("</text>\n");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
