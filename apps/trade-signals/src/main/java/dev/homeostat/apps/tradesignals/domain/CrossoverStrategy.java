package dev.homeostat.apps.tradesignals.domain;

/**
 * Moving-average crossover on the mid price: a fast and a slow exponential moving average per symbol;
 * when the fast one crosses above the slow one by more than a band the strategy buys, when it
 * crosses below by more than the band it sells. The band (hysteresis) keeps noise around the
 * crossing from flipping the position back and forth ("whipsaw"). No signal before {@code slowPeriod}
 * quotes (warm-up). Pure and deterministic: the same quotes in the same order give the same states
 * and orders, which is what makes replays idempotent.
 */
public final class CrossoverStrategy {

    /**
     * Strategy settings.
     *
     * @param fastPeriod EMA period of the fast average, at least 1
     * @param slowPeriod EMA period of the slow average, greater than {@code fastPeriod}
     * @param quantity   units per order, positive
     * @param band       relative gap (fast − slow) / slow the averages must open to count as crossed,
     *                   e.g. 0.0005 = 5 basis points; 0 signals on every crossing
     */
    public record Options(int fastPeriod, int slowPeriod, long quantity, double band) {
        public Options {
            if (!(band >= 0 && band < 1)) {
                throw new IllegalArgumentException("band must be in [0, 1), was " + band);
            }
            if (fastPeriod < 1 || slowPeriod <= fastPeriod) {
                throw new IllegalArgumentException("need 1 <= fastPeriod < slowPeriod, was fastPeriod=" + fastPeriod
                        + " slowPeriod=" + slowPeriod);
            }
            if (quantity <= 0) {
                throw new IllegalArgumentException("quantity must be positive, was " + quantity);
            }
        }
    }

    /**
     * The result of applying one quote.
     *
     * @param state the symbol's new state
     * @param order the order the quote triggered, or null
     */
    public record Step(SymbolState state, Order order) {
    }

    private final Options options;
    private final double fastAlpha;
    private final double slowAlpha;

    /** A strategy with the given settings. */
    public CrossoverStrategy(Options options) {
        this.options = options;
        this.fastAlpha = 2.0 / (options.fastPeriod() + 1);
        this.slowAlpha = 2.0 / (options.slowPeriod() + 1);
    }

    /** Applies the quote at {@code partition}/{@code offset} to {@code previous} (null for a new symbol). */
    public Step apply(SymbolState previous, Quote quote, int partition, long offset) {
        double mid = quote.mid();
        if (previous == null) {
            return new Step(new SymbolState(quote.symbol(), partition, offset, 1, mid, mid, 0), null);
        }
        double fast = previous.fastEma() + fastAlpha * (mid - previous.fastEma());
        double slow = previous.slowEma() + slowAlpha * (mid - previous.slowEma());
        long count = previous.count() + 1;
        int trend = previous.trend();
        Order order = null;
        if (count >= options.slowPeriod()) {
            double gap = (fast - slow) / slow;
            int now = gap > options.band() ? 1 : gap < -options.band() ? -1 : 0;
            if (now != 0) {
                if (trend != 0 && now != trend) {
                    order = orderFor(quote, now > 0 ? Side.BUY : Side.SELL, partition, offset, fast, slow);
                }
                trend = now;
            }
        }
        return new Step(new SymbolState(quote.symbol(), partition, offset, count, fast, slow, trend), order);
    }

    private Order orderFor(Quote quote, Side side, int partition, long offset, double fast, double slow) {
        double price = side == Side.BUY ? quote.ask() : quote.bid();
        return new Order(Order.idFor(quote.symbol(), partition, offset), quote.symbol(), side, options.quantity(), price,
                quote.eventTime(), fast, slow);
    }
}
