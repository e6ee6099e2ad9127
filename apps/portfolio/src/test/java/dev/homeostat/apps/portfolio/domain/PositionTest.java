package dev.homeostat.apps.portfolio.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Average-cost position keeping, long and short. */
class PositionTest {

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void buysAverageTheCost() {
        // when
        Position p = Position.flat("AAPL").apply(Side.BUY, d("10"), d("100")).apply(Side.BUY, d("30"), d("120"));
        // then
        assertDecimal("40", p.quantity());
        assertDecimal("115", p.averageCost());
        assertDecimal("0", p.realizedPnl());
    }

    @Test
    void aPartialSellRealizesAtTheAverageCostAndKeepsIt() {
        // given
        Position p = Position.flat("AAPL").apply(Side.BUY, d("40"), d("115"));
        // when
        Position after = p.apply(Side.SELL, d("10"), d("130"));
        // then
        assertDecimal("30", after.quantity());
        assertDecimal("115", after.averageCost());
        assertDecimal("150", after.realizedPnl());
    }

    @Test
    void crossingZeroClosesTheLongAndOpensAShortAtTheTradePrice() {
        // given
        Position p = Position.flat("MSFT").apply(Side.BUY, d("10"), d("50"));
        // when
        Position after = p.apply(Side.SELL, d("15"), d("40"));
        // then
        assertDecimal("-5", after.quantity());
        assertDecimal("40", after.averageCost());
        assertDecimal("-100", after.realizedPnl());
        // and covering the short at a lower price gains
        Position flat = after.apply(Side.BUY, d("5"), d("30"));
        assertDecimal("0", flat.quantity());
        assertDecimal("0", flat.averageCost());
        assertDecimal("-50", flat.realizedPnl());
    }

    @Test
    void unrealizedPnlOfAShortGainsWhenThePriceFalls() {
        Position p = Position.flat("TSLA").apply(Side.SELL, d("4"), d("200"));
        assertDecimal("80", p.unrealizedPnl(d("180")));
    }
}
