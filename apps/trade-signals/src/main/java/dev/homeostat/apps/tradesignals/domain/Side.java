package dev.homeostat.apps.tradesignals.domain;

/** Direction of an order. */
public enum Side {
    /** Buy at the ask: the fast average crossed above the slow one. */
    BUY,
    /** Sell at the bid: the fast average crossed below the slow one. */
    SELL
}
