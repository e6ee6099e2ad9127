package dev.homeostat.apps.tradesignals.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** EMA crossover: warm-up, the direction of signals, alternation, determinism and option checks. */
class CrossoverStrategyTest {

    private final CrossoverStrategy strategy = new CrossoverStrategy(new CrossoverStrategy.Options(3, 8, 50, 0));

    @Test
    void buysWhenTheFastAverageCrossesAboveAndSellsWhenItCrossesBelow() {
        // given: a falling market that turns up, then down again
        List<Double> mids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            mids.add(100.0 - i);
        }
        for (int i = 0; i < 20; i++) {
            mids.add(80.0 + 2 * i);
        }
        for (int i = 0; i < 20; i++) {
            mids.add(120.0 - 2 * i);
        }
        // when
        List<Order> orders = run("ACME", mids);
        // then
        assertEquals(2, orders.size(), orders.toString());
        assertEquals(Side.BUY, orders.get(0).side());
        assertEquals(Side.SELL, orders.get(1).side());
        assertTrue(orders.get(0).fastEma() > orders.get(0).slowEma());
        assertTrue(orders.get(1).fastEma() < orders.get(1).slowEma());
        assertEquals(50, orders.get(0).quantity());
        assertEquals("ACME:0:", orders.get(0).orderId().substring(0, 7));
    }

    @Test
    void emitsNothingDuringWarmUp() {
        // given: a zig-zag that would cross often, but shorter than the slow period
        List<Double> mids = List.of(100.0, 110.0, 90.0, 110.0, 90.0, 110.0, 90.0);
        // when / then
        assertTrue(run("ACME", mids).isEmpty());
    }

    @Test
    void signalsAlternateAndAreReproducible() {
        // given
        List<Quote> quotes = QuoteStreams.wave("WAVE", 2_000, 60, 3);
        // when
        List<Order> first = run(quotes);
        List<Order> second = run(quotes);
        // then
        assertEquals(first, second);
        assertTrue(first.size() > 20, "orders: " + first.size());
        for (int i = 1; i < first.size(); i++) {
            assertTrue(first.get(i).side() != first.get(i - 1).side(), "two " + first.get(i).side() + " in a row");
        }
    }

    @Test
    void theBandFiltersWhipsawAroundTheCrossing() {
        // given: a market that drifts up, then wiggles +-0.02 % around a level
        List<Double> mids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            mids.add(100.0 + 0.5 * i);
        }
        for (int i = 0; i < 200; i++) {
            mids.add(115.0 + (i % 2 == 0 ? 0.02 : -0.02));
        }
        CrossoverStrategy banded = new CrossoverStrategy(new CrossoverStrategy.Options(3, 8, 50, 0.001));
        // when
        List<Order> unbanded = run("ACME", mids);
        SymbolState state = null;
        int bandedOrders = 0;
        for (int offset = 0; offset < mids.size(); offset++) {
            double mid = mids.get(offset);
            CrossoverStrategy.Step step = banded.apply(state,
                    new Quote("ACME", mid - 0.01, mid + 0.01, 100, Instant.EPOCH.plusSeconds(offset)), 0, offset);
            state = step.state();
            bandedOrders += step.order() == null ? 0 : 1;
        }
        // then: without a band the wiggle flips the position on almost every quote; a 10 bp band ignores it
        assertTrue(unbanded.size() > 100, "unbanded orders: " + unbanded.size());
        assertEquals(0, bandedOrders);
        assertThrows(IllegalArgumentException.class, () -> new CrossoverStrategy.Options(3, 8, 50, -0.1));
    }

    @Test
    void optionsRejectInconsistentPeriods() {
        var error = assertThrows(IllegalArgumentException.class, () -> new CrossoverStrategy.Options(10, 10, 1, 0));
        assertTrue(error.getMessage().contains("fastPeriod=10 slowPeriod=10"));
        assertThrows(IllegalArgumentException.class, () -> new CrossoverStrategy.Options(2, 5, 0, 0));
    }

    private List<Order> run(String symbol, List<Double> mids) {
        List<Quote> quotes = new ArrayList<>();
        for (int i = 0; i < mids.size(); i++) {
            double mid = mids.get(i);
            quotes.add(new Quote(symbol, mid - 0.01, mid + 0.01, 100, Instant.EPOCH.plusSeconds(i)));
        }
        return run(quotes);
    }

    private List<Order> run(List<Quote> quotes) {
        List<Order> orders = new ArrayList<>();
        SymbolState state = null;
        for (int offset = 0; offset < quotes.size(); offset++) {
            CrossoverStrategy.Step step = strategy.apply(state, quotes.get(offset), 0, offset);
            state = step.state();
            if (step.order() != null) {
                orders.add(step.order());
            }
        }
        assertEquals(quotes.size(), state.count());
        return orders;
    }
}
