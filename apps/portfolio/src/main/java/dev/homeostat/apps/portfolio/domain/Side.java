package dev.homeostat.apps.portfolio.domain;

/** Direction of a fill. */
public enum Side {
    /** Adds to a long position or reduces a short one. */
    BUY,
    /** Reduces a long position or adds to a short one. */
    SELL
}
