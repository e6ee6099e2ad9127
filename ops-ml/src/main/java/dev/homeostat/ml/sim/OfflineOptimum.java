package dev.homeostat.ml.sim;

import java.util.Arrays;

/**
 * The cheapest replica schedule that keeps the time over the SLO within a budget, knowing the whole load
 * ahead: the floor every policy's cost is divided by.
 *
 * <p>Same rules as the simulator: the schedule sets the number of ready replicas once per epoch of
 * {@value #EPOCH_SECONDS} s (the policies' own period); a replica added at an epoch was requested
 * {@code readyDelay} seconds before and is paid for from then; every change of the group's size pauses
 * consumption for {@code rebalance} seconds; at most {@code partitions} replicas consume. Cost is Σ requested
 * replicas per second, as for the policies. Two loads: {@link #solveRealised} plans on one seed's realised
 * load (its Poisson arrivals and its replica slots' capacities), the like-with-like floor for a policy's run
 * on that seed; {@link #solve} plans on the expected load (the curve, mean μ per replica; range assignment as
 * {@code μ·P ÷ ⌈P/c⌉}), which no run faces.
 *
 * <p>Method: the budgeted problem is relaxed with a Lagrange multiplier {@code w} per second over the SLO;
 * for each {@code w} a backward dynamic programme over (ready replicas × backlog discretised into
 * {@value #BACKLOG_CELLS} cells) finds the best schedule, with the backlog rounded <em>down</em> at each epoch so
 * that its value is a lower bound. Each schedule is then replayed with the exact (unrounded) backlog, and a
 * bisection on {@code w} finds the cheapest replayed schedule within the budget: that is {@link Plan#cost()},
 * an achievable schedule. {@link Plan#lowerBound()} is {@code max_w (V_w − w·budget)}, which no schedule
 * deciding once per epoch can beat; {@link Plan#gap()} = cost ÷ lower bound − 1 says how far from exact
 * the plan can be.
 */
public final class OfflineOptimum {

    /** Seconds between the schedule's decisions, as often as the policies decide. */
    public static final int EPOCH_SECONDS = 15;
    /** Backlog cells of the dynamic programme. */
    static final int BACKLOG_CELLS = 48;
    private static final int BISECTION_STEPS = 8;

    /**
     * The result.
     *
     * @param fromSecond     first second planned (the evaluation start)
     * @param readyPerEpoch  ready replicas of each epoch
     * @param cost           replica-seconds of the plan (requested replicas, as the simulator counts them)
     * @param overSloSeconds seconds over the SLO when the plan is replayed exactly on the curve
     * @param percentOverSlo the same as a percentage of the planned seconds
     * @param lowerBound     the Lagrangian lower bound on the cost of any schedule within the budget
     * @param multiplier     the multiplier (replica-seconds per second over the SLO) of the plan
     */
    public record Plan(int fromSecond, int[] readyPerEpoch, double cost, long overSloSeconds, double percentOverSlo,
                       double lowerBound, double multiplier) {

        /** How far the plan's cost may be above the true optimum, as a fraction. */
        public double gap() {
            return cost / lowerBound - 1;
        }

        /** Ready replicas the plan holds at {@code second} (the first epoch's before it). */
        public int readyAt(int second) {
            int k = Math.max(0, (second - fromSecond) / EPOCH_SECONDS);
            return readyPerEpoch[Math.min(k, readyPerEpoch.length - 1)];
        }
    }

    private final SimOptions options;
    private final int from;
    private final int seconds;
    private final int epochs;
    private final int minN;
    private final int maxN;
    /** Records arriving in each second. */
    private final double[] arrivals;
    /** The curve's rate in each second: the SLO's limit is {@code slo × rate}, as the simulator measures time-lag. */
    private final double[] rate;
    /** Records per second the group drains with n consumers. */
    private final double[] capacity;
    /** Backlog per cell at the start of each epoch: three SLOs of the epoch's peak rate span the grid. */
    private final double[] cellOf;
    private final byte[] choice;

    private OfflineOptimum(SimOptions options, int fromSecond, double[] arrivals, double[] rate, double[] capacity) {
        this.options = options;
        this.from = fromSecond;
        this.seconds = rate.length;
        this.epochs = (seconds + EPOCH_SECONDS - 1) / EPOCH_SECONDS;
        this.minN = Math.max(1, options.minReplicas());
        this.maxN = Math.min(options.maxReplicas(), options.partitions());
        if (maxN - minN + 1 > 127) {
            throw new IllegalArgumentException("the optimum plans at most 127 replica counts, got " + (maxN - minN + 1));
        }
        this.arrivals = arrivals;
        this.rate = rate;
        this.capacity = capacity;
        this.cellOf = new double[epochs + 1];
        for (int s = 0; s < seconds; s++) {
            int k = s / EPOCH_SECONDS;
            cellOf[k] = Math.max(cellOf[k], 3 * options.sloSeconds() * Math.max(rate[s], arrivals[s]) / BACKLOG_CELLS);
        }
        for (int k = 0; k <= epochs; k++) {
            cellOf[k] = Math.max(cellOf[k], 1e-6);
        }
        this.choice = new byte[epochs * (maxN - minN + 1) * (BACKLOG_CELLS + 1)];
    }

    /** The curve's rate per second from {@code fromSecond} to the end. */
    private static double[] curve(LoadProfile profile, int fromSecond) {
        double[] rate = new double[profile.durationSeconds() - fromSecond];
        LoadProfile.Cursor cursor = profile.cursor();
        for (int s = 0; s < rate.length; s++) {
            rate[s] = cursor.rateAt(fromSecond + s);
        }
        return rate;
    }

    /** Mean capacity of n consumers: n·μ (fluid) or {@code μ·P ÷ ⌈P/n⌉} (range assignment). */
    private static double[] meanCapacity(SimOptions options) {
        int maxN = Math.min(options.maxReplicas(), options.partitions());
        double[] capacity = new double[maxN + 1];
        int p = options.partitions();
        for (int n = 1; n <= maxN; n++) {
            capacity[n] = options.rangeAssignment()
                    ? options.capacity() * p / Math.ceil((double) p / n)
                    : options.capacity() * Math.min(n, p);
        }
        return capacity;
    }

    /**
     * Plans, keyed by curve and then by settings, start, target and seed (0: the expected load). Each plan is
     * solved once, outside the map's lock, so plans for different seeds are solved in parallel.
     */
    private static final java.util.Map<LoadProfile, java.util.Map<java.util.List<Object>, Memo>> CACHE =
            new java.util.WeakHashMap<>();

    /** One plan, solved by the first caller; later callers wait for it. */
    private static final class Memo {
        private final java.util.function.Supplier<Plan> solver;
        private Plan plan;

        Memo(java.util.function.Supplier<Plan> solver) {
            this.solver = solver;
        }

        synchronized Plan get() {
            if (plan == null) {
                plan = solver.get();
            }
            return plan;
        }
    }

    private static Plan memo(LoadProfile profile, java.util.List<Object> key, java.util.function.Supplier<Plan> solver) {
        Memo memo;
        synchronized (CACHE) {
            memo = CACHE.computeIfAbsent(profile, p -> new java.util.HashMap<>()).computeIfAbsent(key, k -> new Memo(solver));
        }
        return memo.get();
    }

    /** {@link #solve} once per curve, settings, start and target: the benchmark and the replaying policy share it. */
    public static Plan cached(SimOptions options, LoadProfile profile, int fromSecond, double targetPercent) {
        return memo(profile, java.util.List.of(options, fromSecond, targetPercent, 0L),
                () -> solve(options, profile, fromSecond, targetPercent));
    }

    /** {@link #solveRealised} once per curve, settings, start, target and seed. */
    public static Plan cachedRealised(SimOptions options, LoadProfile profile, int fromSecond, double targetPercent,
                                      long seed) {
        if (seed == 0) {
            throw new IllegalArgumentException("seed 0 names the expected load; realised loads have seeds != 0");
        }
        return memo(profile, java.util.List.of(options, fromSecond, targetPercent, seed),
                () -> solveRealised(options, profile, fromSecond, targetPercent, seed));
    }

    /**
     * The plan for the evaluation part of {@code profile} from {@code fromSecond} on the expected load (the
     * curve, every replica at mean μ), within {@code targetPercent} % over the SLO.
     */
    public static Plan solve(SimOptions options, LoadProfile profile, int fromSecond, double targetPercent) {
        checkFrom(profile, fromSecond);
        double[] rate = curve(profile, fromSecond);
        return new OfflineOptimum(options, fromSecond, rate, rate, meanCapacity(options)).search(targetPercent);
    }

    /**
     * The plan for what seed {@code seed} of the simulator realises: its Poisson arrivals second by second and
     * its replica slots' capacities ({@link Simulation#realisedArrivals}, {@link Simulation#realisedCapacity}),
     * under the same ready delay, rebalance pause, partition cap and SLO (time-lag against the curve's rate, as
     * the simulator measures it). A policy's cost on that seed divided by this plan's is like with like.
     */
    public static Plan solveRealised(SimOptions options, LoadProfile profile, int fromSecond, double targetPercent,
                                     long seed) {
        checkFrom(profile, fromSecond);
        Simulation simulation = new Simulation(options, profile, fromSecond);
        double[] arrivals = simulation.realisedArrivals(seed);
        double[] capacity = simulation.realisedCapacity(seed);
        double[] counted = java.util.Arrays.copyOfRange(arrivals, fromSecond, arrivals.length);
        double[] planned = java.util.Arrays.copyOf(capacity, Math.min(options.maxReplicas(), options.partitions()) + 1);
        return new OfflineOptimum(options, fromSecond, counted, curve(profile, fromSecond), planned).search(targetPercent);
    }

    private static void checkFrom(LoadProfile profile, int fromSecond) {
        if (fromSecond < 0 || fromSecond >= profile.durationSeconds()) {
            throw new IllegalArgumentException("fromSecond must be in [0, " + profile.durationSeconds() + "), got " + fromSecond);
        }
    }

    private Plan search(double targetPercent) {
        double budget = targetPercent / 100.0 * seconds;
        double lo = 0;
        double hi = 16;
        double lowerBound = 0;
        Plan best = null;
        // Grow the multiplier until the plan fits the budget, then bisect between the last two. Plans come from
        // the programme that rounds the backlog up (pessimistic, so its plans are safe when replayed exactly).
        for (int i = 0; i < 40; i++) {
            backward(hi, true);
            Plan plan = replay(hi);
            if (plan.overSloSeconds() <= budget) {
                best = plan;
                break;
            }
            lo = hi;
            hi *= 4;
        }
        if (best == null) {
            throw new IllegalStateException("no schedule keeps within " + targetPercent + " % over the SLO");
        }
        for (int i = 0; i < BISECTION_STEPS && hi - lo > 1e-6 * hi; i++) {
            double w = lo == 0 ? hi / 2 : Math.sqrt(lo * hi);
            backward(w, true);
            Plan plan = replay(w);
            if (plan.overSloSeconds() <= budget) {
                hi = w;
                if (plan.cost() < best.cost()) {
                    best = plan;
                }
            } else {
                lo = w;
            }
        }
        // The programme that rounds down is a relaxation: its value minus w·budget bounds every schedule from below.
        for (double w : new double[] {lo, hi, best.multiplier()}) {
            lowerBound = Math.max(lowerBound, backward(w, false) - w * budget);
        }
        return new Plan(from, best.readyPerEpoch(), best.cost(), best.overSloSeconds(), best.percentOverSlo(),
                Math.min(lowerBound, best.cost()), best.multiplier());
    }

    private int index(int epoch, int n, int b) {
        return (epoch * (maxN - minN + 1) + (n - minN)) * (BACKLOG_CELLS + 1) + b;
    }

    /**
     * Backward induction at multiplier {@code w}, the backlog at each epoch's end rounded up to the next cell
     * ({@code up}) or down; fills {@link #choice}; returns the start state's value.
     */
    private double backward(double w, boolean up) {
        int counts = maxN - minN + 1;
        int cells = BACKLOG_CELLS + 1;
        double[] next = new double[counts * cells];
        double[] current = new double[counts * cells];
        double[] stayed = new double[counts * cells];
        double[] changed = new double[counts * cells];
        double[] prefix = new double[counts + 1];
        double[] suffix = new double[counts + 1];
        double[] shape = new double[2];
        double[] thresholds = new double[EPOCH_SECONDS];
        double readyDelay = options.readyDelaySeconds();
        for (int k = epochs - 1; k >= 0; k--) {
            int start = k * EPOCH_SECONDS;
            int length = Math.min(EPOCH_SECONDS, seconds - start);
            // Value of holding n' ready over this epoch from backlog cell b, without and with a rebalance.
            for (int i = 0; i < counts; i++) {
                int n = minN + i;
                for (int pause = 0; pause < 2; pause++) {
                    double[] v = pause == 1 ? changed : stayed;
                    int base = table(start, length, n, pause == 1, shape, thresholds);
                    int t = 0;
                    double cell = cellOf[k];
                    double nextCell = cellOf[k + 1];
                    for (int b = 0; b < cells; b++) {
                        double x0 = b * cell;
                        while (t < length - base && thresholds[t] < x0) {
                            t++;
                        }
                        double x1 = Math.max(x0 + shape[0], shape[1]) / nextCell;
                        int end = (int) Math.min(BACKLOG_CELLS, up ? Math.ceil(x1 - 1e-9) : Math.floor(x1));
                        v[i * cells + b] = (double) n * length + w * (base + t) + (k + 1 < epochs ? next[i * cells + end] : 0);
                    }
                }
            }
            for (int b = 0; b < cells; b++) {
                // prefix[i]: best changed value among counts below i; suffix[i]: best (changed + delay·n') above i.
                prefix[0] = Double.POSITIVE_INFINITY;
                for (int i = 0; i < counts; i++) {
                    prefix[i + 1] = Math.min(prefix[i], changed[i * cells + b]);
                }
                suffix[counts] = Double.POSITIVE_INFINITY;
                for (int i = counts - 1; i >= 0; i--) {
                    suffix[i] = Math.min(suffix[i + 1], changed[i * cells + b] + readyDelay * (minN + i));
                }
                for (int i = 0; i < counts; i++) {
                    double best = stayed[i * cells + b];
                    int pick = i;
                    if (prefix[i] < best) {
                        best = prefix[i];
                        pick = argminBelow(changed, i, b, cells);
                    }
                    double raise = suffix[i + 1] - readyDelay * (minN + i);
                    if (raise < best) {
                        best = raise;
                        pick = argminAbove(changed, i, b, cells, counts, readyDelay);
                    }
                    current[i * cells + b] = best;
                    choice[index(k, minN + i, b)] = (byte) pick;
                }
            }
            double[] swap = next;
            next = current;
            current = swap;
        }
        return next[(initialReady() - minN) * cells];
    }

    private static int argminBelow(double[] changed, int i, int b, int cells) {
        int pick = 0;
        for (int j = 1; j < i; j++) {
            if (changed[j * cells + b] < changed[pick * cells + b]) {
                pick = j;
            }
        }
        return pick;
    }

    private int argminAbove(double[] changed, int i, int b, int cells, int counts, double readyDelay) {
        int pick = i + 1;
        for (int j = i + 2; j < counts; j++) {
            if (changed[j * cells + b] + readyDelay * j < changed[pick * cells + b] + readyDelay * pick) {
                pick = j;
            }
        }
        return pick;
    }

    /**
     * One epoch as a function of its starting backlog {@code x0}, by Lindley's recursion: with {@code S_s} the
     * cumulative arrivals minus service and {@code M_s = max_{j ≤ s}(S_s − S_j)}, the backlog after second s is
     * {@code max(x0 + S_s, M_s)}. Writes {@code shape = {S_end, M_end}}; returns how many seconds are over the SLO
     * whatever {@code x0} is, and fills {@code thresholds} (sorted, the rest of the seconds) with the {@code x0}
     * above which each further second is over.
     */
    private int table(int start, int length, int n, boolean paused, double[] shape, double[] thresholds) {
        double slo = options.sloSeconds();
        int pauseEnd = paused ? options.rebalanceSeconds() : 0;
        double c = capacity[n];
        double sum = 0;
        double lindley = 0;
        int base = 0;
        int count = 0;
        for (int s = 0; s < length; s++) {
            double a = arrivals[start + s];
            double step = s < pauseEnd ? a : a - c;
            sum += step;
            lindley = Math.max(0, lindley + step);
            double limit = slo * Math.max(rate[start + s], 1e-9);
            if (lindley > limit) {
                base++;
            } else {
                thresholds[count++] = limit - sum;
            }
        }
        Arrays.sort(thresholds, 0, count);
        shape[0] = sum;
        shape[1] = lindley;
        return base;
    }

    /** Runs one epoch exactly: {@code out[0]} = backlog at its end, {@code out[1]} = seconds over the SLO. */
    private void epoch(int start, int length, int n, double backlog, boolean paused, double[] out) {
        double x = backlog;
        int over = 0;
        double slo = options.sloSeconds();
        int pauseEnd = paused ? options.rebalanceSeconds() : 0;
        double c = capacity[n];
        for (int s = 0; s < length; s++) {
            double a = arrivals[start + s];
            x = s < pauseEnd ? x + a : Math.max(0, x + a - c);
            if (x > slo * Math.max(rate[start + s], 1e-9)) {
                over++;
            }
        }
        out[0] = x;
        out[1] = over;
    }

    private int initialReady() {
        return Math.clamp((long) Math.ceil(rate[0] / options.capacity() - 1e-9), minN, maxN);
    }

    /** Follows the choices from the start with the exact backlog. */
    private Plan replay(double w) {
        int[] plan = new int[epochs];
        double[] out = new double[2];
        int n = initialReady();
        double x = 0;
        double cost = 0;
        long over = 0;
        for (int k = 0; k < epochs; k++) {
            int b = (int) Math.min(BACKLOG_CELLS, Math.ceil(x / cellOf[k] - 1e-9));
            int next = minN + choice[index(k, n, b)];
            int start = k * EPOCH_SECONDS;
            int length = Math.min(EPOCH_SECONDS, seconds - start);
            cost += (double) next * length + options.readyDelaySeconds() * Math.max(0, next - n);
            epoch(start, length, next, x, next != n, out);
            x = out[0];
            over += (long) out[1];
            plan[k] = next;
            n = next;
        }
        return new Plan(from, plan, cost, over, 100.0 * over / seconds, Double.NaN, w);
    }
}
