package dev.homeostat.ml.sim;

import dev.homeostat.ml.policy.Decision;
import dev.homeostat.ml.policy.Figures;
import dev.homeostat.ml.policy.Reason;
import dev.homeostat.ml.policy.Term;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where Homeostat's replicas go relative to the offline optimum: for every decision in the evaluation part it
 * writes a CSV row (the decision's figures beside the count the optimum's plan holds when that decision takes
 * effect, one ready delay later) and adds the difference, in replica-seconds, to the reason that set the count
 * — the forecast's point, band or trend, lag drain, the reactive floor, or the guardrail that held it.
 */
final class DecisionLog implements HomeostatPolicy.DecisionListener {

    /** Replica-seconds above (or below) the optimum per reason, and how often the reason decided. */
    record Share(String reason, long decisions, double replicaSeconds, double excessReplicaSeconds) {
    }

    static final String HEADER = "t,term,detail,arrivals,forecast_point,forecast_upper,trend,per_replica,"
            + "time_lag,forecast_replicas,lag_drain_replicas,reactive_replicas,recommended,current,desired,optimum\n";

    private final OfflineOptimum.Plan plan;
    private final int readyDelay;
    private final int period;
    private final Writer csv;
    private final Map<String, double[]> byReason = new LinkedHashMap<>();
    private double optimumSeconds;

    DecisionLog(OfflineOptimum.Plan plan, int readyDelay, int period, Writer csv) {
        this.plan = plan;
        this.readyDelay = readyDelay;
        this.period = period;
        this.csv = csv;
        write(HEADER);
    }

    @Override
    public void decided(int second, Decision decision) {
        if (second < plan.fromSecond()) {
            return;
        }
        int optimum = plan.readyAt(second + readyDelay);
        Reason r = decision.reason();
        Figures f = r.figures();
        String reason = reasonOf(r);
        double[] acc = byReason.computeIfAbsent(reason, k -> new double[3]);
        acc[0]++;
        acc[1] += (double) decision.desiredReplicas() * period;
        acc[2] += (double) (decision.desiredReplicas() - optimum) * period;
        optimumSeconds += (double) optimum * period;
        write(String.format(Locale.ROOT, "%d,%s,\"%s\",%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.0f,%.0f,%.0f,%.0f,%.0f,%d,%d%n",
                second, r.term(), r.detail(), f.arrivalRate(), f.forecastPoint(), f.forecastUpper(), f.trendRate(),
                f.perReplicaRate(), f.timeLagSeconds(), f.forecastReplicas(), f.lagDrainReplicas(),
                f.reactiveReplicas(), f.recommended(), f.current(), decision.desiredReplicas(), optimum));
    }

    /**
     * The reason a count was set: the term and its detail, and for the forecast term which of its parts asked
     * for the most (the point at target utilisation, the band's upper end at full utilisation, or the trend).
     */
    static String reasonOf(Reason r) {
        Figures f = r.figures();
        if (r.term() == Term.FORECAST && r.detail().isEmpty()) {
            double point = f.forecastPoint() / (f.perReplicaRate() * f.targetUtilization());
            double upper = f.forecastUpper() / f.perReplicaRate();
            return upper > point ? "FORECAST: band's upper end" : "FORECAST: point";
        }
        return r.detail().isEmpty() ? r.term().name() : r.term() + ": " + r.detail();
    }

    /** The reasons, largest excess over the optimum first. */
    List<Share> shares() {
        List<Share> out = new ArrayList<>();
        byReason.forEach((k, v) -> out.add(new Share(k, (long) v[0], v[1], v[2])));
        out.sort((a, b) -> Double.compare(b.excessReplicaSeconds(), a.excessReplicaSeconds()));
        return out;
    }

    /** Replica-seconds the optimum's plan holds at the logged decisions' effect times. */
    double optimumReplicaSeconds() {
        return optimumSeconds;
    }

    /** A table of {@link #shares()}, each excess as a share of the optimum's replica-seconds. */
    String table() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-62s %9s %12s %14s%n", "reason",
                "decisions", "replica-s", "excess/optimum"));
        double total = 0;
        for (Share s : shares()) {
            total += s.excessReplicaSeconds();
            b.append(String.format(Locale.ROOT, "%-62s %9d %12.4g %+13.1f%%%n", s.reason(), s.decisions(),
                    s.replicaSeconds(), 100 * s.excessReplicaSeconds() / optimumSeconds));
        }
        b.append(String.format(Locale.ROOT, "%-62s %9s %12.4g %+13.1f%%%n", "total (optimum " 
                + String.format(Locale.ROOT, "%.4g", optimumSeconds) + " replica-s)", "", optimumSeconds + total,
                100 * total / optimumSeconds));
        return b.toString();
    }

    private void write(String line) {
        try {
            csv.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
