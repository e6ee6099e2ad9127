package dev.homeostat.apps.tradesignals.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic test quote paths: a noisy sine wave of the mid price makes the averages cross regularly. */
public final class QuoteStreams {

    private static final Instant T0 = Instant.parse("2026-01-02T14:30:00Z");

    private QuoteStreams() {
    }

    /** {@code count} quotes of one symbol: mid = 100 + 5·sin(2πi/period) + noise. */
    public static List<Quote> wave(String symbol, int count, int period, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Quote> quotes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double mid = 100 + 5 * Math.sin(2 * Math.PI * i / period) + random.nextDouble(-0.2, 0.2);
            quotes.add(new Quote(symbol, round(mid - 0.01), round(mid + 0.01), 100 + random.nextInt(900),
                    T0.plusMillis(i)));
        }
        return quotes;
    }

    /** The quote as the feed writes it. */
    public static String json(Quote quote) {
        return "{\"symbol\":\"" + quote.symbol() + "\",\"bid\":" + quote.bid() + ",\"ask\":" + quote.ask()
                + ",\"size\":" + quote.size() + ",\"eventTime\":\"" + quote.eventTime() + "\"}";
    }

    private static double round(double price) {
        return Math.round(price * 10_000) / 10_000.0;
    }
}
