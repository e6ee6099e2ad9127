package dev.homeostat.apps.tradesignals.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A quote read from the {@code quotes} topic.
 *
 * @param symbol    instrument
 * @param bid       best bid, positive and below {@code ask}
 * @param ask       best ask
 * @param size      quoted size, positive
 * @param eventTime when the quote was made
 */
public record Quote(String symbol, double bid, double ask, long size, Instant eventTime) {

    public Quote {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank, was '" + symbol + "'");
        }
        Objects.requireNonNull(eventTime, "eventTime");
        if (!(bid > 0 && ask > bid) || Double.isInfinite(ask)) {
            throw new IllegalArgumentException("need 0 < bid < ask, was bid=" + bid + " ask=" + ask + " for " + symbol);
        }
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive, was " + size + " for " + symbol);
        }
    }

    /** Mid price, the average of bid and ask. */
    public double mid() {
        return (bid + ask) / 2;
    }
}
