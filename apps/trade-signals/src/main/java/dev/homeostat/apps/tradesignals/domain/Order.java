package dev.homeostat.apps.tradesignals.domain;

import java.time.Instant;

/**
 * An order emitted on the {@code orders} topic (JSON, keyed by symbol).
 *
 * @param orderId    deterministic id {@code symbol:partition:offset} of the quote that triggered it;
 *                   a replay after a crash re-emits the same id, so consumers can drop duplicates
 * @param symbol     instrument
 * @param side       buy or sell
 * @param quantity   units
 * @param limitPrice ask for a buy, bid for a sell
 * @param quoteTime  event time of the triggering quote
 * @param fastEma    fast moving average after the triggering quote
 * @param slowEma    slow moving average after the triggering quote
 */
public record Order(String orderId, String symbol, Side side, long quantity, double limitPrice, Instant quoteTime,
                    double fastEma, double slowEma) {

    /** The deterministic id of an order triggered by the quote at {@code partition}/{@code offset}. */
    public static String idFor(String symbol, int partition, long offset) {
        return symbol + ":" + partition + ":" + offset;
    }
}
