package dev.homeostat.ml.sim;

import dev.homeostat.ml.telemetry.Sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.SplittableRandom;

/**
 * Replays a load curve through a simulated Kafka consumer group driven by one policy, in 1-second
 * steps, and measures cost and time-lag over the evaluation part.
 *
 * <p>Model, per second {@code t}: replicas requested at {@code t} become ready at {@code t + readyDelay}
 * (a scale-down removes starting replicas first, then the newest ready ones, at once). Every change of
 * the number of ready replicas (the group's size) starts a rebalance: nobody consumes for
 * {@code rebalanceSeconds}. Up to {@code partitions} ready replicas consume; replica slot {@code i}
 * processes {@code μ·f_i} records/s with a seeded factor {@code f_i ~ 1 + spread·N(0,1)}. Arrivals are
 * seeded Poisson counts around the curve and spread evenly over the partitions; the lag is the queue.
 * With {@link SimOptions#rangeAssignment()} the partitions are owned as Kafka's range assignor gives
 * them ({@code P mod c} consumers hold one partition more), tracked as two classes of partitions so a
 * step stays O(1); a rebalance moves partitions with their lag. Time-lag is the worst class's
 * {@code lag ÷ its arrival rate} (the curve's rate, not the noisy count): that is the benchmark's yardstick,
 * never shown to a policy.
 *
 * <p>What policies see is telemetry as a collector would gather it: samples summarise each
 * {@code telemetrySeconds} window of measured (noisy) arrivals and processing and reach policies
 * {@code telemetryDelaySeconds} late; the lag is measured from committed offsets (consumers commit every
 * {@code commitIntervalSeconds} and on every rebalance), so records processed since the last commit still count
 * as lag; the lag in seconds is that lag ÷ the window's measured arrival rate. Causal policies are built without
 * the load curve ({@link SimContext}); only foresight policies receive it.
 *
 * <p>Each step is O(1) apart from the policy's own work; a run allocates only its samples.
 */
public final class Simulation {

    private static final long FACTOR_SALT = 0x9E3779B97F4A7C15L;

    private final SimOptions options;
    private final LoadProfile profile;
    private final int evalStart;

    /** A simulation of {@code profile} under {@code options}, evaluated from {@code evalStartSecond} on. */
    public Simulation(SimOptions options, LoadProfile profile, int evalStartSecond) {
        if (evalStartSecond < 0 || evalStartSecond >= profile.durationSeconds()) {
            throw new IllegalArgumentException("evalStartSecond must be in [0, " + profile.durationSeconds() + "), got " + evalStartSecond);
        }
        this.options = options;
        this.profile = profile;
        this.evalStart = evalStartSecond;
    }

    /** The first evaluated second. */
    public int evalStartSecond() {
        return evalStart;
    }

    /** The settings. */
    public SimOptions options() {
        return options;
    }

    /** The load curve. */
    public LoadProfile profile() {
        return profile;
    }

    /** Per-slot capacity factors of a seed (slot i is the i-th oldest replica). */
    double[] capacityFactors(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ FACTOR_SALT);
        double[] f = new double[options.maxReplicas()];
        for (int i = 0; i < f.length; i++) {
            f[i] = Math.clamp(1 + options.capacitySpread() * random.nextGaussian(), 0.5, 1.5);
        }
        return f;
    }

    /** The records arriving in each second of a run on {@code seed}: the same draws every run of that seed makes. */
    double[] realisedArrivals(long seed) {
        PoissonArrivals draw = new PoissonArrivals(seed);
        LoadProfile.Cursor cursor = profile.cursor();
        double[] arrivals = new double[profile.durationSeconds()];
        for (int t = 0; t < arrivals.length; t++) {
            arrivals[t] = draw.next(cursor.rateAt(t));
        }
        return arrivals;
    }

    /**
     * Records per second a group of n ready replicas drains on {@code seed}, for n = 0 … maxReplicas: the first
     * min(n, P) slots' capacities (fluid), or with range assignment the rate at which the partitions spread evenly
     * over the group are drained without either class of partitions falling behind.
     */
    double[] realisedCapacity(long seed) {
        double[] f = capacityFactors(seed);
        double[] prefix = new double[f.length + 1];
        for (int i = 0; i < f.length; i++) {
            prefix[i + 1] = prefix[i] + options.capacity() * f[i];
        }
        int p = options.partitions();
        double[] capacity = new double[f.length + 1];
        for (int n = 1; n <= f.length; n++) {
            int consumers = Math.min(n, p);
            if (!options.rangeAssignment() || p % consumers == 0) {
                capacity[n] = prefix[consumers];
                continue;
            }
            int heavyConsumers = p % consumers;
            double heavyShare = (double) heavyConsumers * (p / consumers + 1) / p;
            capacity[n] = Math.min(prefix[heavyConsumers] / heavyShare,
                    (prefix[consumers] - prefix[heavyConsumers]) / (1 - heavyShare));
        }
        return capacity;
    }

    /**
     * Runs {@code spec} on {@code seed}. {@code timeline} (may be null) receives a CSV row per
     * {@code timelineStep} seconds; {@code windows} (may be null) says which series to keep for the report.
     */
    public RunResult run(PolicySpec spec, long seed, Writer timeline, int timelineStep, ReportWindows windows) {
        AutoscalePolicy policy = spec.create(new SimContext(options, evalStart, seed), profile);
        return new Run(spec.name(), policy, seed, timeline, Math.max(1, timelineStep), windows).execute();
    }

    /** The mutable state of one run. */
    private final class Run {
        private final String name;
        private final AutoscalePolicy policy;
        private final long seed;
        private final Writer timeline;
        private final int timelineStep;
        private final ReportWindows windows;

        private final double mu = options.capacity();
        private final int partitions = options.partitions();
        private final boolean range = options.rangeAssignment();
        private final double[] prefixCapacity;
        private final int[] startingReadyAt;
        private int startingHead;
        private int startingCount;
        private int ready;
        private int members;
        private int pauseUntil;

        // Partition classes: "heavy" partitions belong to consumers holding one partition more.
        private double lagHeavy;
        private double lagLight;
        private int heavyPartitions;
        private double capHeavy;
        private double capLight;
        private double shareHeavy;
        private int heavyConsumers;
        private int consumers;
        // Records processed since the last offset commit, per class: committed lag = lag + these.
        private double uncommittedHeavy;
        private double uncommittedLight;

        Run(String name, AutoscalePolicy policy, long seed, Writer timeline, int timelineStep, ReportWindows windows) {
            this.name = name;
            this.policy = policy;
            this.seed = seed;
            this.timeline = timeline;
            this.timelineStep = timelineStep;
            this.windows = windows;
            double[] f = capacityFactors(seed);
            prefixCapacity = new double[f.length + 1];
            for (int i = 0; i < f.length; i++) {
                prefixCapacity[i + 1] = prefixCapacity[i] + mu * f[i];
            }
            startingReadyAt = new int[options.maxReplicas()];
        }

        RunResult execute() {
            final int duration = profile.durationSeconds();
            final int period = Math.max(1, policy.periodSeconds());
            final int telemetry = options.telemetrySeconds();
            final int delay = options.telemetryDelaySeconds();
            final int readyDelay = options.readyDelaySeconds();
            final double slo = options.sloSeconds();
            LoadProfile.Cursor cursor = profile.cursor();
            PoissonArrivals arrivalsDraw = new PoissonArrivals(seed);

            int initial = Math.clamp((long) Math.ceil(profile.rateAt(0) / mu), Math.max(1, options.minReplicas()),
                    options.maxReplicas());
            ready = initial;
            members = initial;
            assign();

            Sample pendingSample = null;
            double pendingMaxPartitionLag = Double.NaN;
            int pendingVisibleAt = Integer.MAX_VALUE;
            Sample visibleSample = null;
            double visibleMaxPartitionLag = Double.NaN;
            double wArrivals = 0;
            double wProcessed = 0;
            double wBusy = 0;

            double replicaSeconds = 0;
            double evalArrivals = 0;
            double evalProcessed = 0;
            long overSlo = 0;
            double maxTimeLag = 0;
            long actions = 0;
            long rebalanceSeconds = 0;
            double lagAtStart = 0;

            double[] overview = windows == null ? new double[0] : new double[windows.overviewBuckets()];
            double[] zoom = windows == null ? new double[0] : new double[windows.zoomBuckets()];

            double rArrivals = 0;
            double rProcessed = 0;
            double rReplicaSeconds = 0;
            int rOver = 0;
            int rPaused = 0;
            double rMaxTimeLag = 0;
            if (timeline != null) {
                write("t,arrivals,processed,lag,replicas_requested,replicas_ready,replica_seconds,seconds_over_slo,seconds_paused,max_time_lag\n");
            }
            long epochStartMillis = profile.startEpochSeconds() * 1000;

            // Countdowns instead of modulo: a division per second is a visible share of a step.
            int untilDecision = delay % period + 1;
            int untilSample = telemetry;
            int untilRow = timelineStep;
            final int commitInterval = options.commitIntervalSeconds();
            // Commits follow the consumers' polls, not the scrapes: each seed gets another phase between them.
            int untilCommit = 1 + (int) Math.floorMod(seed, (long) commitInterval);
            for (int t = 0; t < duration; t++) {
                // 1. Replicas whose ready delay has passed join the group.
                promoteReady(t);
                // 2. Telemetry that has arrived by now; then the policy, on its period.
                if (t >= pendingVisibleAt) {
                    visibleSample = pendingSample;
                    visibleMaxPartitionLag = pendingMaxPartitionLag;
                    pendingVisibleAt = Integer.MAX_VALUE;
                }
                int requested = ready + startingCount;
                if (--untilDecision == 0) {
                    untilDecision = period;
                    PolicyView view = new PolicyView(t, epochStartMillis + t * 1000L, visibleSample,
                            visibleMaxPartitionLag, requested, ready, startingCount);
                    int desired = Math.clamp(policy.desiredReplicas(view), Math.max(1, options.minReplicas()),
                            options.maxReplicas());
                    if (desired != requested) {
                        if (t >= evalStart) {
                            actions++;
                        }
                        apply(desired, t + readyDelay);
                        requested = desired;
                        if (readyDelay == 0) {
                            promoteReady(t);
                        }
                    }
                }
                // 3. A change of the group's size pauses consumption while partitions move.
                if (ready != members) {
                    // Kafka consumers commit what they processed before giving their partitions up.
                    uncommittedHeavy = 0;
                    uncommittedLight = 0;
                    reassign();
                    pauseUntil = t + options.rebalanceSeconds();
                }
                // 4. Arrivals and consumption.
                double rate = cursor.rateAt(t);
                int arrived = arrivalsDraw.next(rate);
                double processed = 0;
                double busy = 0;
                boolean paused = t < pauseUntil;
                double aHeavy = arrived * shareHeavy;
                double aLight = arrived - aHeavy;
                if (paused || consumers == 0) {
                    lagHeavy += aHeavy;
                    lagLight += aLight;
                } else {
                    double pHeavy;
                    if (lagHeavy + aHeavy <= capHeavy) {
                        pHeavy = lagHeavy + aHeavy;
                        lagHeavy = 0;
                    } else {
                        pHeavy = capHeavy;
                        lagHeavy = lagHeavy + aHeavy - capHeavy;
                    }
                    double pLight;
                    if (lagLight + aLight <= capLight) {
                        pLight = lagLight + aLight;
                        lagLight = 0;
                    } else {
                        pLight = capLight;
                        lagLight = lagLight + aLight - capLight;
                    }
                    processed = pHeavy + pLight;
                    uncommittedHeavy += pHeavy;
                    uncommittedLight += pLight;
                    double busyConsumers = (capHeavy > 0 ? pHeavy / capHeavy * heavyConsumers : 0)
                            + (capLight > 0 ? pLight / capLight * (consumers - heavyConsumers) : 0);
                    busy = ready > 0 ? busyConsumers / ready : 0;
                }
                double timeLag = timeLag(rate);
                // 5. Accounting.
                if (t == evalStart) {
                    lagAtStart = lagHeavy + lagLight - arrived + processed;
                }
                if (t >= evalStart) {
                    replicaSeconds += requested;
                    evalArrivals += arrived;
                    evalProcessed += processed;
                    if (timeLag > slo) {
                        overSlo++;
                    }
                    if (timeLag > maxTimeLag) {
                        maxTimeLag = timeLag;
                    }
                    if (paused) {
                        rebalanceSeconds++;
                    }
                }
                if (windows != null) {
                    if (t >= windows.overviewFrom() && t < windows.overviewTo()) {
                        overview[windows.overviewBucket(t)] += requested;
                    }
                    if (t >= windows.zoomFrom() && t < windows.zoomTo()) {
                        zoom[(t - windows.zoomFrom()) / windows.zoomBucketSeconds()] += requested;
                    }
                }
                if (--untilCommit == 0) {
                    untilCommit = commitInterval;
                    uncommittedHeavy = 0;
                    uncommittedLight = 0;
                }
                wArrivals += arrived;
                wProcessed += processed;
                wBusy += busy;
                if (--untilSample == 0) {
                    untilSample = telemetry;
                    double arrivalRate = wArrivals / telemetry;
                    double committedLag = lagHeavy + lagLight + uncommittedHeavy + uncommittedLight;
                    pendingSample = Sample.at(epochStartMillis + (t + 1) * 1000L)
                            .arrivalRate(arrivalRate)
                            .processedRate(wProcessed / telemetry)
                            .lagRecords(committedLag)
                            .lagSeconds(arrivalRate > 0 ? committedLag / arrivalRate : Double.NaN)
                            .busyFraction(Math.min(1, wBusy / telemetry))
                            .readyReplicas(ready)
                            .build();
                    pendingMaxPartitionLag = maxPartitionLag();
                    pendingVisibleAt = t + 1 + delay;
                    wArrivals = 0;
                    wProcessed = 0;
                    wBusy = 0;
                }
                if (timeline != null) {
                    rArrivals += arrived;
                    rProcessed += processed;
                    rReplicaSeconds += requested;
                    rOver += timeLag > slo ? 1 : 0;
                    rPaused += paused ? 1 : 0;
                    rMaxTimeLag = Math.max(rMaxTimeLag, timeLag);
                    boolean rowEnds = --untilRow == 0;
                    if (rowEnds || t == duration - 1) {
                        untilRow = timelineStep;
                        int rowStart = t - (t % timelineStep);
                        write(rowStart + "," + fmt(rArrivals) + "," + fmt(rProcessed) + "," + fmt(lagHeavy + lagLight)
                                + "," + requested + "," + ready + "," + fmt(rReplicaSeconds) + "," + rOver + "," + rPaused
                                + "," + fmt(rMaxTimeLag) + "\n");
                        rArrivals = 0;
                        rProcessed = 0;
                        rReplicaSeconds = 0;
                        rOver = 0;
                        rPaused = 0;
                        rMaxTimeLag = 0;
                    }
                }
            }
            if (windows != null) {
                normalise(overview, windows.overviewTo() - windows.overviewFrom(), windows.overviewBuckets());
                for (int i = 0; i < zoom.length; i++) {
                    int from = windows.zoomFrom() + i * windows.zoomBucketSeconds();
                    zoom[i] /= Math.min(windows.zoomBucketSeconds(), windows.zoomTo() - from);
                }
            }
            return new RunResult(name, seed, duration - evalStart, replicaSeconds, evalArrivals / mu, overSlo,
                    maxTimeLag, actions, rebalanceSeconds, evalArrivals, evalProcessed, lagAtStart,
                    lagHeavy + lagLight, overview, zoom);
        }

        /** Starting replicas whose ready time has come join the group. */
        private void promoteReady(int t) {
            while (startingCount > 0 && startingReadyAt[startingHead] <= t) {
                startingHead = (startingHead + 1) % startingReadyAt.length;
                startingCount--;
                ready++;
            }
        }

        /** Requests {@code desired} replicas: new ones start now, removals take starting replicas first. */
        private void apply(int desired, int readyAt) {
            int requested = ready + startingCount;
            if (desired > requested) {
                for (int i = requested; i < desired; i++) {
                    startingReadyAt[(startingHead + startingCount) % startingReadyAt.length] = readyAt;
                    startingCount++;
                }
                return;
            }
            int remove = requested - desired;
            int fromStarting = Math.min(remove, startingCount);
            startingCount -= fromStarting;
            ready -= remove - fromStarting;
        }

        private double timeLag(double rate) {
            double r = Math.max(rate, 1e-9);
            double heavy = shareHeavy > 0 ? lagHeavy / (r * shareHeavy) : 0;
            double light = shareHeavy < 1 ? lagLight / (r * (1 - shareHeavy)) : 0;
            return Math.max(heavy, light);
        }

        /** The most-lagged partition's lag from committed offsets. */
        private double maxPartitionLag() {
            double heavy = heavyPartitions > 0 ? (lagHeavy + uncommittedHeavy) / heavyPartitions : 0;
            int lightPartitions = partitions - heavyPartitions;
            double light = lightPartitions > 0 ? (lagLight + uncommittedLight) / lightPartitions : 0;
            return Math.max(heavy, light);
        }

        /** Moves partitions, with their lag, to the new group and recomputes the classes. */
        private void reassign() {
            int oldHeavy = heavyPartitions;
            double perHeavy = oldHeavy > 0 ? lagHeavy / oldHeavy : 0;
            double perLight = partitions - oldHeavy > 0 ? lagLight / (partitions - oldHeavy) : 0;
            double total = lagHeavy + lagLight;
            members = ready;
            assign();
            double heavy = perHeavy * Math.min(heavyPartitions, oldHeavy)
                    + perLight * Math.max(0, heavyPartitions - oldHeavy);
            lagHeavy = Math.min(total, heavy);
            lagLight = total - lagHeavy;
        }

        /** Range assignment: the first {@code P mod c} consumers hold {@code ⌊P/c⌋ + 1} partitions. */
        private void assign() {
            consumers = Math.min(members, partitions);
            if (consumers == 0) {
                heavyConsumers = 0;
                heavyPartitions = 0;
                capHeavy = 0;
                capLight = 0;
                shareHeavy = 0;
                return;
            }
            if (range) {
                int base = partitions / consumers;
                heavyConsumers = partitions % consumers;
                heavyPartitions = heavyConsumers * (base + 1);
            } else {
                heavyConsumers = 0;
                heavyPartitions = 0;
            }
            capHeavy = prefixCapacity[heavyConsumers];
            capLight = prefixCapacity[consumers] - capHeavy;
            shareHeavy = (double) heavyPartitions / partitions;
        }

        private void write(String s) {
            try {
                timeline.write(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void normalise(double[] sums, int seconds, int buckets) {
        for (int i = 0; i < buckets; i++) {
            sums[i] /= Math.max(1, countSecondsIn(i, seconds, buckets));
        }
    }

    private static long countSecondsIn(int bucket, int seconds, int buckets) {
        // second s maps to floor(s * buckets / seconds); seconds mapping to `bucket` are
        // ceil(bucket * seconds / buckets) .. ceil((bucket + 1) * seconds / buckets) - 1
        long lo = ((long) bucket * seconds + buckets - 1) / buckets;
        long hi = ((long) (bucket + 1) * seconds + buckets - 1) / buckets;
        return hi - lo;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
