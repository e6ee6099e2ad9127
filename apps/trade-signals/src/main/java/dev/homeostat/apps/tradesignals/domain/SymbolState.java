package dev.homeostat.apps.tradesignals.domain;

/**
 * Everything the strategy remembers about one symbol, as checkpointed to the compacted state topic.
 *
 * @param symbol     instrument (the state topic's key)
 * @param partition  quotes partition the symbol's quotes come from
 * @param lastOffset offset of the last quote applied; a quote at or below it is a replay and is skipped
 * @param count      quotes applied so far
 * @param fastEma    fast exponential moving average of the mid price
 * @param slowEma    slow exponential moving average of the mid price
 * @param trend      +1 fast above slow, -1 below, 0 not established yet
 */
public record SymbolState(String symbol, int partition, long lastOffset, long count, double fastEma, double slowEma,
                          int trend) {

    public SymbolState {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank, was '" + symbol + "'");
        }
        if (partition < 0 || count < 0 || trend < -1 || trend > 1) {
            throw new IllegalArgumentException("invalid state for " + symbol + ": partition=" + partition
                    + " count=" + count + " trend=" + trend);
        }
    }

    /** Whether the quote at this partition and offset was already applied to this state. */
    public boolean alreadyApplied(int quotePartition, long quoteOffset) {
        return partition == quotePartition && quoteOffset <= lastOffset;
    }
}
