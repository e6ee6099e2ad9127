package dev.homeostat.ml.anomaly;

import java.util.EnumSet;
import java.util.Set;

/**
 * The main streaming detector (NAB name {@code homeostat}).
 *
 * <p>Each sample is scored from the past only by a few surprise channels: the robust deviation of the
 * first difference (sudden jumps and drops), the nearest-neighbour distance of the recent window of
 * values to past windows (contextual novelty, after KNN-CAD, Burnaev &amp; Ishimtsev 2016) at two time
 * scales, a value leaving the range of everything seen so far, or of everything seen more than {@value #RANGE_LAG}
 * samples ago, by more than 5 % of its width ({@link RangeBreach}, after the spatial-anomaly rule of Numenta's NAB
 * detector, and {@link DelayedRangeBreach} for a slow drift to a new extreme), a value repeated for longer than any
 * earlier run of one value ({@link FlatRun}: a stuck signal), the distance of the value from what the same time of day
 * brought on earlier days ({@link DailyPhase}, from the real timestamps; it counts only while the daily profile
 * explains the series), and optionally the robust level deviation and a Smile
 * isolation forest over lagged values (from the optional module {@code homeostat-ops-ml-smile}; the main detector
 * does not use it). Every calibrated channel's raw surprise is turned into a tail probability against that channel's
 * own recent history ({@link TailCalibrator}), so one threshold fits every series. A jump counts only where the
 * context channel finds the recent shape at least mildly new ({@code contextGate}), so routine edges such
 * as a daily ramp do not alarm, and only when fewer than {@value #JUMP_RECURRENCES} earlier jumps of the same sign
 * reached {@value #JUMP_SIMILARITY} of its size ({@link JumpRecurrence}), so a jump the series makes again and again
 * is no news however long ago its last repeat. The context channels count a novelty only once it has lasted two samples
 * ({@link Confirmation}). The channels are fused by their Bonferroni-corrected minimum and reported
 * as {@code s / (s + 10)} with {@code s = -ln p}.
 *
 * <p>Two rules keep one anomaly from raising a burst of alarms (NAB rewards only the first detection in
 * a window and charges every other one): a sample is reported only if more surprising than every sample
 * reported in the last {@code suppressionWindow}; and after an alarm (fused p below {@code alarmPValue})
 * nothing is reported for {@code restPeriod} samples unless it is half again as surprising as the
 * strongest alarm so far.
 *
 * <p>Memory is fixed: about {@code 2 * calibrationWindow} doubles per channel, {@code 10 * contextHistory}
 * per context channel, {@code 2 * contextHistory} more (the normalisation window), twice
 * {@value #JUMP_RECURRENCES} for the jump memory, {@value #RANGE_LAG} for the delayed range and 144 levels for the
 * seasonal channel. Time per sample is bounded by O(calibrationWindow + contextHistory * 8 / contextStride) per
 * channel, typically a few microseconds.
 */
public final class EnsembleDetector implements StreamingDetector {

    /** A surprise channel of the ensemble. */
    public enum Channel {
        /** Robust z-score of the value against the last {@code levelWindow} values. */
        LEVEL,
        /** Robust z-score of the first difference against the last {@code differenceWindow} differences. */
        DIFFERENCE,
        /** Distance of the last {@code contextDimension} values to the nearest such past window. */
        CONTEXT,
        /** The same over {@code contextDimension} block means of {@code coarseBlock} samples each: slower shapes. */
        COARSE_CONTEXT,
        /**
         * Smile isolation forest over lagged, normalised values, refitted every 512 samples on the last 1024; needs
         * the optional module {@code homeostat-ops-ml-smile} ({@link FeatureSurprise}).
         */
        ISOLATION,
        /**
         * The value leaves the range of all values seen so far, or of all values seen more than {@value #RANGE_LAG}
         * samples ago, by more than 5 % of its width ({@link RangeBreach}, {@link DelayedRangeBreach}: a new level
         * never seen, like Numenta's spatial anomaly rule, or reached by a slow drift); not calibrated, its
         * probability is bounded by {@code 1 / (values in the range + 1)}.
         */
        RANGE,
        /**
         * The value repeats exactly for longer than any earlier run of one value did, after a run of at least
         * {@value #STUCK_MIN_RUN} ({@link FlatRun}: a stuck signal); not calibrated, its probability is
         * {@code 1 / (runs seen + 1)} on the sample that sets the record, 1 otherwise.
         */
        STUCK,
        /**
         * Distance of the value from what the same time of day brought on earlier days ({@link DailyPhase}: an
         * exponentially weighted level per phase bucket of the day, from real timestamps); it counts, in the fusion
         * and in its Bonferroni factor, only while the daily profile explains most of the series' spread.
         */
        SEASON
    }

    /**
     * Settings shared by every series (never tuned per series).
     *
     * @param seed              seed of the randomised channel (isolation forest)
     * @param channels          channels to fuse, at least one
     * @param levelWindow       samples behind the level channel
     * @param differenceWindow  differences behind the difference channel
     * @param contextHistory    past windows the context channels search, and past values whose median and IQR scale them
     * @param contextDimension  values (or block means) per context window
     * @param contextStride     the context channel compares with every this-many-th past window (the coarse one with
     *                          every half block, at least this)
     * @param coarseBlock       samples per block mean of the coarse context channel
     * @param calibrationWindow raw surprises each channel's calibrator remembers
     * @param warmup            first samples, scored 0 while the statistics fill
     * @param suppressionWindow samples whose reported surprise a new report must exceed
     * @param restPeriod        samples after an alarm during which weaker surprises are not reported
     * @param alarmPValue       fused tail probability that counts as an alarm for the rest period
     * @param contextGate       the difference channel counts only when the context channel's tail probability is at
     *                          most this (a jump already seen in the same context, like a daily edge, is no news);
     *                          1 disables the gate
     */
    public record Options(long seed, Set<Channel> channels, int levelWindow, int differenceWindow, int contextHistory,
                          int contextDimension, int contextStride, int coarseBlock, int calibrationWindow, int warmup,
                          int suppressionWindow, int restPeriod, double alarmPValue, double contextGate) {

        /** The channels of the main detector. */
        public static final Set<Channel> DEFAULT_CHANNELS = Set.copyOf(EnumSet.of(Channel.DIFFERENCE, Channel.CONTEXT, Channel.COARSE_CONTEXT, Channel.RANGE, Channel.STUCK, Channel.SEASON));

        /** The defaults of the main detector with the given seed. */
        public Options(long seed) {
            this(seed, DEFAULT_CHANNELS);
        }

        /** The defaults with another set of channels. */
        public Options(long seed, Set<Channel> channels) {
            this(seed, channels, 100, 400, 1000, 8, 2, 6, 2000, 150, 200, 150, 0.005, 0.2);
        }

        /** A builder starting from the main detector's defaults with the given seed. */
        public static Builder builder(long seed) {
            return new Options(seed).toBuilder();
        }

        /** A builder starting from these options. */
        public Builder toBuilder() {
            return new Builder(this);
        }

        public Options {
            if (channels.isEmpty()) {
                throw new IllegalArgumentException("at least one channel is needed, got " + channels);
            }
            channels = Set.copyOf(EnumSet.copyOf(channels));
            if (levelWindow < 8 || differenceWindow < 8 || contextDimension < 1 || contextStride < 1 || coarseBlock < 1
                    || contextHistory <= contextDimension * coarseBlock + contextStride || calibrationWindow < 100 || warmup < 0
                    || suppressionWindow < 0 || restPeriod < 0) {
                throw new IllegalArgumentException("need levelWindow, differenceWindow >= 8, contextDimension, contextStride, coarseBlock >= 1, "
                        + "contextHistory > contextDimension * coarseBlock + contextStride, calibrationWindow >= 100 and warmup, "
                        + "suppressionWindow, restPeriod >= 0; got levelWindow=" + levelWindow + ", differenceWindow=" + differenceWindow
                        + ", contextHistory=" + contextHistory + ", contextDimension=" + contextDimension + ", contextStride="
                        + contextStride + ", coarseBlock=" + coarseBlock + ", calibrationWindow=" + calibrationWindow
                        + ", warmup=" + warmup + ", suppressionWindow=" + suppressionWindow + ", restPeriod=" + restPeriod);
            }
            if (!(alarmPValue > 0 && alarmPValue < 1)) {
                throw new IllegalArgumentException("alarmPValue must be in (0, 1), got " + alarmPValue);
            }
            if (!(contextGate > 0 && contextGate <= 1)) {
                throw new IllegalArgumentException("contextGate must be in (0, 1], got " + contextGate);
            }
        }

        /** Builds {@link Options} by name; {@link #build()} validates. */
        public static final class Builder {
            private long seed;
            private Set<Channel> channels;
            private int levelWindow;
            private int differenceWindow;
            private int contextHistory;
            private int contextDimension;
            private int contextStride;
            private int coarseBlock;
            private int calibrationWindow;
            private int warmup;
            private int suppressionWindow;
            private int restPeriod;
            private double alarmPValue;
            private double contextGate;

            private Builder(Options from) {
                seed = from.seed();
                channels = from.channels();
                levelWindow = from.levelWindow();
                differenceWindow = from.differenceWindow();
                contextHistory = from.contextHistory();
                contextDimension = from.contextDimension();
                contextStride = from.contextStride();
                coarseBlock = from.coarseBlock();
                calibrationWindow = from.calibrationWindow();
                warmup = from.warmup();
                suppressionWindow = from.suppressionWindow();
                restPeriod = from.restPeriod();
                alarmPValue = from.alarmPValue();
                contextGate = from.contextGate();
            }

            /** Sets {@link Options#seed()}. */
            public Builder seed(long value) {
                seed = value;
                return this;
            }

            /** Sets {@link Options#channels()}. */
            public Builder channels(Set<Channel> value) {
                channels = value;
                return this;
            }

            /** Sets {@link Options#levelWindow()}. */
            public Builder levelWindow(int value) {
                levelWindow = value;
                return this;
            }

            /** Sets {@link Options#differenceWindow()}. */
            public Builder differenceWindow(int value) {
                differenceWindow = value;
                return this;
            }

            /** Sets {@link Options#contextHistory()}. */
            public Builder contextHistory(int value) {
                contextHistory = value;
                return this;
            }

            /** Sets {@link Options#contextDimension()}. */
            public Builder contextDimension(int value) {
                contextDimension = value;
                return this;
            }

            /** Sets {@link Options#contextStride()}. */
            public Builder contextStride(int value) {
                contextStride = value;
                return this;
            }

            /** Sets {@link Options#coarseBlock()}. */
            public Builder coarseBlock(int value) {
                coarseBlock = value;
                return this;
            }

            /** Sets {@link Options#calibrationWindow()}. */
            public Builder calibrationWindow(int value) {
                calibrationWindow = value;
                return this;
            }

            /** Sets {@link Options#warmup()}. */
            public Builder warmup(int value) {
                warmup = value;
                return this;
            }

            /** Sets {@link Options#suppressionWindow()}. */
            public Builder suppressionWindow(int value) {
                suppressionWindow = value;
                return this;
            }

            /** Sets {@link Options#restPeriod()}. */
            public Builder restPeriod(int value) {
                restPeriod = value;
                return this;
            }

            /** Sets {@link Options#alarmPValue()}. */
            public Builder alarmPValue(double value) {
                alarmPValue = value;
                return this;
            }

            /** Sets {@link Options#contextGate()}. */
            public Builder contextGate(double value) {
                contextGate = value;
                return this;
            }

            /** The options, validated. */
            public Options build() {
                return new Options(seed, channels, levelWindow, differenceWindow, contextHistory, contextDimension, contextStride, coarseBlock, calibrationWindow, warmup, suppressionWindow, restPeriod, alarmPValue, contextGate);
            }
        }
    }

    /** The surprise {@code s} that maps to a score of 0.5. */
    private static final double SCALE = 10.0;
    /** Samples before the normalisation is trusted (fewer when the context history itself is shorter). */
    private static final int NORMALISATION_MIN = 64;
    private static final int[] LAGS = {1, 2, 4, 8, 16, 32};
    private static final int MEAN_SPAN = 8;
    private static final int CALIBRATION_MIN = 50;
    private static final double CALIBRATION_TAIL = 0.02;
    private static final double REST_MARGIN = 1.5;
    /** Part of the seen range a value may exceed it by without a range breach: Numenta's spatial tolerance. */
    private static final double RANGE_TOLERANCE = 0.05;
    /** Samples a value waits before it joins the delayed range. */
    private static final int RANGE_LAG = 100;
    /** Samples the longest earlier run of one value must have had before a longer run counts as stuck. */
    private static final int STUCK_MIN_RUN = 20;
    /** Earlier jumps of a similar size after which a jump is no news. */
    private static final int JUMP_RECURRENCES = 100;
    /** Part of a jump's size an earlier jump of the same sign must reach to count as similar. */
    private static final double JUMP_SIMILARITY = 0.7;
    /** Most phase buckets per day of the seasonal channel (10-minute buckets, or the sampling step if coarser). */
    private static final int SEASON_BUCKETS = 144;
    /** Weight of a new day in a phase bucket's level. */
    private static final double SEASON_WEIGHT = 0.1;
    /** The seasonal channel counts while its residuals are at most this part of the deviations from the centre. */
    private static final double SEASON_STRENGTH = 0.3;
    /** Weight of a new sample in the residual and deviation sizes behind {@code SEASON_STRENGTH}. */
    private static final double SEASON_RATE = 0.01;

    private final Options options;
    private final boolean[] enabled = new boolean[Channel.values().length];
    private final TailCalibrator[] calibrators = new TailCalibrator[Channel.values().length];
    private final double[] raw = new double[Channel.values().length];
    private final double[] pValues = new double[Channel.values().length];
    private final RobustDeviation level;
    private final RobustDeviation difference;
    private final NeighbourComponent context;
    private final NeighbourComponent coarseContext;
    private final FeatureSurprise isolation;
    private final RangeBreach range;
    private final DelayedRangeBreach olderRange;
    private final FlatRun stuck;
    private final JumpRecurrence jumps;
    private final Confirmation contextConfirmation = new Confirmation();
    private final Confirmation coarseConfirmation = new Confirmation();
    private final DailyPhase season;
    /** The last {@code contextHistory} values: their median and IQR scale the context and isolation channels. */
    private final SortedWindow normalisation;
    private final int normalisationMin;
    private final RecentValues recent;
    private final double[] embedding;
    private final double[] coarseEmbedding;
    private final double[] features = new double[LAGS.length + 2];
    private final RunningMax reported;
    private final double alarmSurprise;
    private final int activeChannels;
    private double previous = Double.NaN;
    private long seen;
    private long lastAlarm = Long.MIN_VALUE / 2;
    private double strongestAlarm;

    private EnsembleDetector(Options options) {
        this.options = options;
        for (Channel channel : options.channels()) {
            enabled[channel.ordinal()] = true;
            if (!uncalibrated(channel)) {
                calibrators[channel.ordinal()] = new TailCalibrator(options.calibrationWindow(), CALIBRATION_MIN, CALIBRATION_TAIL);
            }
        }
        // The range and stuck channels are 1 almost always (their p is a bound, not uniform), so they barely add to the
        // chance of a small minimum: the Bonferroni factor counts the calibrated channels only.
        activeChannels = Math.max(1, (int) options.channels().stream().filter(c -> !uncalibrated(c)).count());
        int dimension = options.contextDimension();
        // The scale of the context windows comes from the same past they are compared with, so a detector sized
        // for a short memory (the operator's) keeps no longer window than its context search needs.
        normalisation = new SortedWindow(options.contextHistory());
        normalisationMin = Math.min(NORMALISATION_MIN, options.contextHistory());
        level = enabled[Channel.LEVEL.ordinal()] ? new RobustDeviation(options.levelWindow()) : null;
        difference = enabled[Channel.DIFFERENCE.ordinal()] ? new RobustDeviation(options.differenceWindow()) : null;
        jumps = difference != null ? new JumpRecurrence(JUMP_RECURRENCES, JUMP_SIMILARITY) : null;
        context = enabled[Channel.CONTEXT.ordinal()]
                ? new NeighbourComponent(options.contextHistory(), dimension, dimension, options.contextStride()) : null;
        // Coarse windows move by a fraction of a block per sample, so comparing every half block loses little.
        int coarseStride = Math.max(options.contextStride(), options.coarseBlock() / 2);
        coarseContext = enabled[Channel.COARSE_CONTEXT.ordinal()]
                ? new NeighbourComponent(options.contextHistory(), dimension, dimension * options.coarseBlock(), coarseStride) : null;
        season = enabled[Channel.SEASON.ordinal()] ? new DailyPhase(SEASON_BUCKETS, SEASON_WEIGHT, SEASON_STRENGTH, SEASON_RATE) : null;
        range = enabled[Channel.RANGE.ordinal()] ? new RangeBreach(RANGE_TOLERANCE, options.warmup() + 1) : null;
        olderRange = enabled[Channel.RANGE.ordinal()] ? new DelayedRangeBreach(RANGE_TOLERANCE, options.warmup() + 1, RANGE_LAG) : null;
        stuck = enabled[Channel.STUCK.ordinal()] ? new FlatRun(STUCK_MIN_RUN) : null;
        isolation = enabled[Channel.ISOLATION.ordinal()] ? FeatureSurprise.provider()
                .orElseThrow(() -> new IllegalStateException("the ISOLATION channel needs homeostat-ops-ml-smile on the class path"))
                .create(1024, features.length, 512, 50, options.seed()) : null;
        recent = new RecentValues(Math.max(LAGS[LAGS.length - 1], dimension * options.coarseBlock()));
        embedding = new double[dimension];
        coarseEmbedding = new double[dimension];
        reported = new RunningMax(Math.max(1, options.suppressionWindow()));
        alarmSurprise = -Math.log(options.alarmPValue());
    }

    /** The channels whose p is a bound of their own, not a calibrated tail probability. */
    private static boolean uncalibrated(Channel channel) {
        return channel == Channel.RANGE || channel == Channel.STUCK;
    }

    /** A fresh detector for one series; it trains nothing up front and learns as it scores. */
    public static EnsembleDetector create(Options options) {
        return new EnsembleDetector(options);
    }

    /** The settings. */
    public Options options() {
        return options;
    }

    @Override
    public double score(long timestampMillis, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, got " + value);
        }
        double delta = Double.isNaN(previous) ? 0.0 : value - previous;
        boolean normalised = normalisation.size() >= normalisationMin;
        computeRaw(timestampMillis, value, delta, normalised);
        double surprise = fusedSurprise(value, delta, normalised);
        double report = gate(surprise);
        learn(timestampMillis, value, delta, normalised);
        seen++;
        if (seen <= options.warmup()) {
            return 0.0;
        }
        return report / (report + SCALE);
    }

    private void computeRaw(long timestampMillis, double value, double delta, boolean normalised) {
        if (season != null) {
            raw[Channel.SEASON.ordinal()] = season.surprise(timestampMillis, value);
        }
        if (level != null) {
            raw[Channel.LEVEL.ordinal()] = level.surprise(value);
        }
        if (difference != null) {
            raw[Channel.DIFFERENCE.ordinal()] = difference.surprise(delta);
        }
        if (!normalised) {
            return;
        }
        double median = normalisation.quantile(0.5);
        double spread = Math.max(normalisation.quantile(0.75) - normalisation.quantile(0.25), 1e-9 * Math.max(1, Math.abs(median)));
        if (context != null) {
            for (int k = 0; k < embedding.length; k++) {
                embedding[k] = normalise(valueBack(value, k), median, spread);
            }
            raw[Channel.CONTEXT.ordinal()] = context.surprise(embedding);
        }
        if (coarseContext != null) {
            int block = options.coarseBlock();
            for (int b = 0; b < coarseEmbedding.length; b++) {
                double sum = 0;
                for (int k = b * block; k < (b + 1) * block; k++) {
                    sum += valueBack(value, k);
                }
                coarseEmbedding[b] = normalise(sum / block, median, spread);
            }
            raw[Channel.COARSE_CONTEXT.ordinal()] = coarseContext.surprise(coarseEmbedding);
        }
        if (isolation != null) {
            features[0] = normalise(value, median, spread);
            for (int k = 0; k < LAGS.length; k++) {
                features[k + 1] = normalise(valueBack(value, LAGS[k]), median, spread);
            }
            double sum = 0;
            for (int k = 0; k <= MEAN_SPAN; k++) {
                sum += valueBack(value, k);
            }
            features[LAGS.length + 1] = normalise(sum / (MEAN_SPAN + 1), median, spread);
            raw[Channel.ISOLATION.ordinal()] = isolation.surprise(features);
        }
    }

    /** The value {@code back} samples ago (0 = the current one), the oldest known one before the history starts. */
    private double valueBack(double current, int back) {
        if (back == 0 || recent.size() == 0) {
            return current;
        }
        return recent.recent(Math.min(back, recent.size()) - 1);
    }

    /**
     * {@code -ln} of the Bonferroni-corrected smallest channel tail probability, after the context gate, the jump
     * recurrence check and the context channels' two-sample confirmation.
     */
    private double fusedSurprise(double value, double delta, boolean normalised) {
        for (int i = 0; i < raw.length; i++) {
            pValues[i] = enabled[i] && calibrators[i] != null && (normalised || !needsNormalisation(i)) && !Double.isNaN(raw[i])
                    ? calibrators[i].pValue(raw[i]) : 1.0;
        }
        int factor = activeChannels;
        if (season != null && !season.seasonal()) {
            // A series without a daily cycle: the channel cannot speak, so it does not widen the Bonferroni factor.
            pValues[Channel.SEASON.ordinal()] = 1.0;
            factor--;
        }
        if (range != null) {
            pValues[Channel.RANGE.ordinal()] = Math.min(range.pValue(value), olderRange.pValue(value));
        }
        if (stuck != null) {
            // Runs of one value during the warm-up are learned, but only a record on a scored sample counts.
            pValues[Channel.STUCK.ordinal()] = seen >= options.warmup() ? stuck.pValue(value) : 1.0;
        }
        int contextIndex = Channel.CONTEXT.ordinal();
        if (enabled[contextIndex] && normalised && pValues[contextIndex] > options.contextGate()) {
            pValues[Channel.DIFFERENCE.ordinal()] = 1.0;
        }
        if (jumps != null && jumps.recurrent(delta)) {
            pValues[Channel.DIFFERENCE.ordinal()] = 1.0;
        }
        // Confirmed after the gate: the gate asks whether the jump's own context is new, now.
        pValues[contextIndex] = contextConfirmation.confirm(pValues[contextIndex]);
        int coarseIndex = Channel.COARSE_CONTEXT.ordinal();
        pValues[coarseIndex] = coarseConfirmation.confirm(pValues[coarseIndex]);
        double p = 1.0;
        for (double channelP : pValues) {
            p = Math.min(p, channelP);
        }
        return Math.max(0.0, -Math.log(Math.clamp(Math.max(1, factor) * p, Double.MIN_NORMAL, 1.0)));
    }

    private static boolean needsNormalisation(int channel) {
        return channel != Channel.LEVEL.ordinal() && channel != Channel.DIFFERENCE.ordinal() && channel != Channel.SEASON.ordinal();
    }

    /** Applies the suppression and rest rules; returns the surprise to report (0 when withheld). */
    private double gate(double surprise) {
        double report = surprise;
        if (options.suppressionWindow() > 0 && surprise <= reported.max()) {
            report = 0.0;
        }
        reported.add(report);
        if (options.restPeriod() > 0) {
            if (seen - lastAlarm <= options.restPeriod() && surprise <= strongestAlarm * REST_MARGIN) {
                report = 0.0;
            }
            if (report >= alarmSurprise && seen >= options.warmup()) {
                lastAlarm = seen;
                strongestAlarm = Math.max(strongestAlarm, surprise);
            }
        }
        return report;
    }

    private void learn(long timestampMillis, double value, double delta, boolean normalised) {
        if (level != null) {
            level.learn(value);
            calibrators[Channel.LEVEL.ordinal()].learn(raw[Channel.LEVEL.ordinal()]);
        }
        if (difference != null) {
            if (!Double.isNaN(previous)) {
                jumps.learn(delta);
            }
            difference.learn(delta);
            calibrators[Channel.DIFFERENCE.ordinal()].learn(raw[Channel.DIFFERENCE.ordinal()]);
        }
        if (normalised) {
            if (context != null) {
                context.learn(embedding);
                calibrators[Channel.CONTEXT.ordinal()].learn(raw[Channel.CONTEXT.ordinal()]);
            }
            if (coarseContext != null) {
                coarseContext.learn(coarseEmbedding);
                calibrators[Channel.COARSE_CONTEXT.ordinal()].learn(raw[Channel.COARSE_CONTEXT.ordinal()]);
            }
            if (isolation != null) {
                isolation.learn(features);
                calibrators[Channel.ISOLATION.ordinal()].learn(raw[Channel.ISOLATION.ordinal()]);
            }
        }
        if (range != null) {
            range.learn(value);
            olderRange.learn(value);
        }
        if (stuck != null) {
            stuck.learn(value);
        }
        normalisation.add(value);
        if (season != null) {
            double seasonRaw = raw[Channel.SEASON.ordinal()];
            if (!Double.isNaN(seasonRaw)) {
                calibrators[Channel.SEASON.ordinal()].learn(seasonRaw);
            }
            season.learn(timestampMillis, value, seasonRaw, normalised ? normalisation.quantile(0.5) : Double.NaN);
        }
        recent.add(value);
        previous = value;
    }

    private static double normalise(double value, double median, double spread) {
        return Math.clamp((value - median) / spread, -50.0, 50.0);
    }
}
