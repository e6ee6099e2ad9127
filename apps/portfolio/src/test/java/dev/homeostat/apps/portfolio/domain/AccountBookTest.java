package dev.homeostat.apps.portfolio.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Account books: duplicate fills, versions, state encoding, valuation. */
class AccountBookTest {

    @Test
    void aFillDeliveredAgainIsSkipped() {
        // given a book that applied the fill at partition 1, offset 7
        Portfolio portfolio = new Portfolio();
        Fill fill = Fills.fill("f1", "acc-1", "AAPL", Side.BUY, "10", "100");
        assertTrue(portfolio.apply(fill, "fills-1", "fills-1", 7).isPresent());
        // when the same record (or an older one of that partition) comes again
        var again = portfolio.apply(fill, "fills-1", "fills-1", 7);
        var older = portfolio.apply(Fills.fill("f0", "acc-1", "AAPL", Side.BUY, "5", "99"), "fills-1", "fills-1", 3);
        // then nothing changes
        assertTrue(again.isEmpty());
        assertTrue(older.isEmpty());
        AccountBook book = portfolio.book("acc-1").orElseThrow();
        assertEquals(1, book.version());
        assertEquals(0, new BigDecimal("10").compareTo(book.positions().get("AAPL").quantity()));
        // and a fill from another partition still applies
        assertTrue(portfolio.apply(Fills.fill("f2", "acc-1", "AAPL", Side.BUY, "1", "101"), "fills-0", "fills-0", 3).isPresent());
    }

    @Test
    void restoreKeepsTheNewestVersion() {
        // given
        AccountBook v1 = AccountBook.empty("acc").apply(Fills.fill("f1", "acc", "X", Side.BUY, "1", "10"), "fills-0", 0).orElseThrow();
        AccountBook v2 = v1.apply(Fills.fill("f2", "acc", "X", Side.BUY, "1", "12"), "fills-0", 1).orElseThrow();
        Portfolio portfolio = new Portfolio();
        // when
        Shard shard = new Shard("acc", "fills-0");
        assertTrue(portfolio.restore(shard, v2));
        boolean tookOlder = portfolio.restore(shard, v1);
        // then
        assertFalse(tookOlder);
        assertEquals(2, portfolio.book("acc").orElseThrow().version());
    }

    @Test
    void anAccountIsTheSumOfItsShards() {
        // given one account's orders booked from two input partitions (two writers, one shard each)
        Portfolio portfolio = new Portfolio();
        portfolio.apply(Fills.fill("o1", "ts", "AAPL", Side.BUY, "10", "100", "1"), "orders-0", "orders/AAPL:0", 5);
        portfolio.apply(Fills.fill("o2", "ts", "AAPL", Side.SELL, "4", "110", "1"), "orders-0", "orders/AAPL:0", 9);
        portfolio.apply(Fills.fill("o3", "ts", "MSFT", Side.SELL, "3", "300", "1"), "orders-2", "orders/MSFT:2", 1);
        // when
        AccountBook book = portfolio.book("ts").orElseThrow();
        // then nothing of either shard is lost
        assertEquals(0, new BigDecimal("6").compareTo(book.positions().get("AAPL").quantity()));
        assertEquals(0, new BigDecimal("40").compareTo(book.positions().get("AAPL").realizedPnl()));
        assertEquals(0, new BigDecimal("-3").compareTo(book.positions().get("MSFT").quantity()));
        assertEquals(0, new BigDecimal("3").compareTo(book.fees()));
        assertEquals(3, book.version());
        assertEquals(List.of("ts"), portfolio.accounts());
        assertEquals(new Shard("ts", "orders-2"), Shard.parse(new Shard("ts", "orders-2").key()));
    }

    @Test
    void aBookSurvivesTheStateTopicEncoding() {
        // given
        AccountBook book = AccountBook.empty("acc")
                .apply(Fills.fill("f1", "acc", "AAPL", Side.BUY, "3", "101.25", "1.50"), "fills-2", 40).orElseThrow()
                .apply(Fills.fill("f2", "acc", "MSFT", Side.SELL, "2", "300"), "fills-0", 9).orElseThrow();
        // when
        AccountBook decoded = PortfolioJson.parseBook(PortfolioJson.write(book));
        // then
        assertEquals(book, decoded);
    }

    @Test
    void pnlValuesOpenPositionsAtTheMarksAndNamesTheUnmarked() {
        // given
        AccountBook book = AccountBook.empty("acc")
                .apply(Fills.fill("f1", "acc", "AAPL", Side.BUY, "10", "100", "2"), "fills-0", 0).orElseThrow()
                .apply(Fills.fill("f2", "acc", "AAPL", Side.SELL, "4", "110", "2"), "fills-0", 1).orElseThrow()
                .apply(Fills.fill("f3", "acc", "MSFT", Side.BUY, "1", "300"), "fills-0", 2).orElseThrow();
        Marks marks = new Marks();
        marks.update("AAPL", new BigDecimal("104"), new BigDecimal("106"));
        // when
        Valuation.PnlView pnl = Valuation.pnl(book, marks);
        List<Valuation.PositionView> positions = Valuation.positions(book, marks);
        // then realized 4 x 10 = 40, unrealized 6 x (105 - 100) = 30, fees 4
        assertEquals(new BigDecimal("40.0000"), pnl.realizedPnl());
        assertEquals(new BigDecimal("30.0000"), pnl.unrealizedPnl());
        assertEquals(new BigDecimal("4.0000"), pnl.fees());
        assertEquals(new BigDecimal("66.0000"), pnl.totalPnl());
        assertEquals(List.of("MSFT"), pnl.unmarkedSymbols());
        Valuation.PositionView msft = positions.stream().filter(p -> p.symbol().equals("MSFT")).findFirst().orElseThrow();
        assertNull(msft.unrealizedPnl());
    }

    @Test
    void badFillsAreRejectedWithTheReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> PortfolioJson.parseFill("""
                {"fillId":"f","account":"a","symbol":"X","side":"BUY","quantity":0,"price":1,
                 "timestamp":"2026-03-02T14:30:00Z"}"""));
        assertTrue(e.getMessage().contains("quantity must be > 0"), e.getMessage());
        var side = assertThrows(IllegalArgumentException.class, () -> PortfolioJson.parseFill("""
                {"fillId":"f","account":"a","symbol":"X","side":"HOLD","quantity":1,"price":1,
                 "timestamp":"2026-03-02T14:30:00Z"}"""));
        assertTrue(side.getMessage().startsWith("malformed fill"), side.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PortfolioJson.parseFill("nope"));
    }

    @Test
    void readsATradeSignalsOrderAsAFillWithItsQuotePosition() {
        // when
        var order = PortfolioJson.parseOrder("""
                {"orderId":"AAPL:2:1234","symbol":"AAPL","side":"SELL","quantity":100,"limitPrice":189.5,
                 "quoteTime":"2026-03-02T14:30:00Z","fastEma":189.4,"slowEma":189.6}""", "strategy");
        // then
        assertEquals("strategy", order.fill().account());
        assertEquals(Side.SELL, order.fill().side());
        assertEquals("orders/AAPL:2", order.source());
        assertEquals(1234, order.quoteOffset());
        var e = assertThrows(IllegalArgumentException.class, () -> PortfolioJson.parseOrder("""
                {"orderId":"AAPL-7","symbol":"AAPL","side":"BUY","quantity":1,"limitPrice":1,
                 "quoteTime":"2026-03-02T14:30:00Z"}""", "strategy"));
        assertTrue(e.getMessage().contains("symbol:partition:offset"), e.getMessage());
    }

    @Test
    void readsMarketFeedQuotes() {
        var quote = PortfolioJson.parseQuote("""
                {"symbol":"AAPL","bid":189.5,"ask":189.7,"size":100,"eventTime":"2026-03-02T14:30:00Z","sequence":4}""");
        assertEquals("AAPL", quote.symbol());
        assertEquals(0, new BigDecimal("189.7").compareTo(quote.ask()));
    }
}
