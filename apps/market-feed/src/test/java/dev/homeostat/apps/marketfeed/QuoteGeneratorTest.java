package dev.homeostat.apps.marketfeed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Seeded quote generation: reproducible, valid, covering every symbol, gapless sequence. */
class QuoteGeneratorTest {

    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "EURUSD");
    private static final Instant T0 = Instant.parse("2026-01-02T14:30:00Z");

    @Test
    void sameSeedGivesSameQuotes() {
        // given
        QuoteGenerator first = new QuoteGenerator(SYMBOLS, 7);
        QuoteGenerator second = new QuoteGenerator(SYMBOLS, 7);
        QuoteGenerator other = new QuoteGenerator(SYMBOLS, 8);
        // when
        List<Quote> a = take(first, 500);
        List<Quote> b = take(second, 500);
        List<Quote> c = take(other, 500);
        // then
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void quotesAreValidCoverEverySymbolAndAreNumberedWithoutGaps() {
        // given
        QuoteGenerator generator = new QuoteGenerator(SYMBOLS, 42);
        // when
        List<Quote> quotes = take(generator, 1000);
        // then
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < quotes.size(); i++) {
            Quote quote = quotes.get(i);
            assertEquals(i, quote.sequence());
            assertTrue(quote.bid() > 0 && quote.ask() > quote.bid(), quote.toString());
            assertTrue(quote.ask() / quote.bid() < 1.01, "spread too wide: " + quote);
            seen.add(quote.symbol());
        }
        assertEquals(Set.copyOf(SYMBOLS), seen);
        assertEquals(1000, generator.generated());
    }

    @Test
    void rejectsAnEmptySymbolList() {
        assertThrows(IllegalArgumentException.class, () -> new QuoteGenerator(List.of(), 1));
    }

    private static List<Quote> take(QuoteGenerator generator, int count) {
        List<Quote> quotes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            quotes.add(generator.next(T0.plusMillis(i)));
        }
        return quotes;
    }
}
