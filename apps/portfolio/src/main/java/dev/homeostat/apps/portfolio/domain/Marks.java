package dev.homeostat.apps.portfolio.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Latest mid price per symbol, from the quotes topic; not persisted (the next quote refreshes it). */
public final class Marks {

    private final Map<String, BigDecimal> mids = new ConcurrentHashMap<>();

    /** Records a quote's mid price, (bid + ask) / 2. */
    public void update(String symbol, BigDecimal bid, BigDecimal ask) {
        if (bid.signum() <= 0 || ask.compareTo(bid) < 0) {
            throw new IllegalArgumentException("quote for " + symbol + " needs 0 < bid <= ask, got bid=" + bid + " ask=" + ask);
        }
        mids.put(symbol, bid.add(ask).divide(BigDecimal.TWO, MathContext.DECIMAL64));
    }

    /** The mark of {@code symbol}, if a quote was seen. */
    public Optional<BigDecimal> mark(String symbol) {
        return Optional.ofNullable(mids.get(symbol));
    }
}
