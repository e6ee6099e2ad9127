package dev.homeostat.operator.local;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The terminal's live view: one line per app, redrawn in place when the output is a terminal. */
public final class LiveView {

    private static final String HEADER = String.format(Locale.ROOT, "%-16s %-12s %9s %9s %9s %9s %9s %7s %7s",
            "APP", "KIND", "RATE-IN/s", "PROC/s", "LAG", "REPLICAS", "FORECAST", "ANOMALY", "OOM-IN");

    private final PrintStream out;
    private final boolean terminal;
    private int linesDrawn;

    public LiveView(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** The table for the apps' latest points (pure). */
    public static List<String> render(List<AppTrack> tracks) {
        var lines = new java.util.ArrayList<String>();
        lines.add(HEADER);
        for (AppTrack track : tracks) {
            AppPoint p = track.last();
            if (p == null) {
                continue;
            }
            lines.add(String.format(Locale.ROOT, "%-16s %-12s %9s %9s %9s %9s %9s %7s %7s", track.name, track.kind,
                    number(p.rateIn()), number(p.processed()), number(p.lag()), p.ready() + "/" + p.desired(),
                    number(p.forecast()), Double.isNaN(p.anomaly()) ? "-" : String.format(Locale.ROOT, "%.2f", p.anomaly()),
                    timeToOom(track.timeToOomSeconds())));
        }
        return lines;
    }

    /** Draws the table, over the previous one on a terminal, else as a new block. */
    public synchronized void draw(List<AppTrack> tracks, String footer) {
        var lines = new java.util.ArrayList<>(render(tracks));
        lines.add(footer);
        var text = new StringBuilder();
        if (terminal && linesDrawn > 0) {
            text.append("\033[").append(linesDrawn).append('A');
        }
        for (String line : lines) {
            text.append(line);
            if (terminal) {
                text.append("\033[K");
            }
            text.append('\n');
        }
        out.print(text);
        out.flush();
        linesDrawn = lines.size();
    }

    /** Predicted time to out-of-memory as the column shows it: {@code 4m10s}, or "-" without a growing heap. */
    static String timeToOom(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "-";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? ">1h" : s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value >= 10_000 ? String.format(Locale.ROOT, "%.0fk", value / 1000) : String.format(Locale.ROOT, "%.0f", value);
    }
}
