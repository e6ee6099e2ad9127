package dev.homeostat.apps.marketfeed;

import java.time.Instant;
import java.util.Objects;

/**
 * A top-of-book quote as published on the {@code quotes} topic (JSON, keyed by symbol).
 *
 * @param symbol    instrument, e.g. {@code AAPL}
 * @param bid       best bid price, positive and below {@code ask}
 * @param ask       best ask price
 * @param size      quoted size in units, positive
 * @param eventTime when the quote was generated
 * @param sequence  position in this feed instance's output, from 0 without gaps (lets consumers see loss)
 */
public record Quote(String symbol, double bid, double ask, long size, Instant eventTime, long sequence) {

    public Quote {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(eventTime, "eventTime");
        if (!(bid > 0 && ask > bid)) {
            throw new IllegalArgumentException("need 0 < bid < ask, was bid=" + bid + " ask=" + ask + " for " + symbol);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0, was " + sequence);
        }
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive, was " + size + " for " + symbol);
        }
    }
}
