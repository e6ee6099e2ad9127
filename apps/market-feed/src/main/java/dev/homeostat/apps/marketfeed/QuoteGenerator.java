package dev.homeostat.apps.marketfeed;

import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Deterministic synthetic quotes: each symbol's mid price follows a geometric random walk, the
 * spread and size are drawn around it, and the symbol of each quote is drawn uniformly. The same
 * seed and symbols give the same sequence of prices and symbols.
 *
 * <p>Not thread-safe: one publisher thread owns it.
 */
public final class QuoteGenerator {

    /** Per-step volatility of the log mid price. */
    private static final double STEP_VOLATILITY = 0.0005;
    private static final double TICK = 0.0001;

    private final List<String> symbols;
    private final double[] mids;
    private final RandomGenerator random;
    private long sequence;

    /** Creates a generator over the given symbols (at least one, no blanks) with a fixed seed. */
    public QuoteGenerator(List<String> symbols, long seed) {
        if (symbols == null || symbols.isEmpty() || symbols.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException("symbols must be a non-empty list of non-blank names, was " + symbols);
        }
        this.symbols = List.copyOf(symbols);
        this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        this.mids = new double[symbols.size()];
        for (int i = 0; i < mids.length; i++) {
            mids[i] = 50.0 + 250.0 * random.nextDouble();
        }
    }

    /** How many quotes this generator has made. */
    public long generated() {
        return sequence;
    }

    /** The next quote, stamped with the given event time. */
    public Quote next(Instant eventTime) {
        int index = random.nextInt(symbols.size());
        double mid = mids[index] * Math.exp(STEP_VOLATILITY * random.nextGaussian());
        mids[index] = mid;
        double halfSpread = Math.max(TICK, mid * 0.0001 * (1.0 + random.nextDouble()));
        double bid = round(mid - halfSpread);
        double ask = Math.max(round(mid + halfSpread), bid + TICK);
        long size = 100L * (1 + random.nextInt(50));
        return new Quote(symbols.get(index), bid, round(ask), size, eventTime, sequence++);
    }

    private static double round(double price) {
        return Math.round(price / TICK) * TICK;
    }
}
