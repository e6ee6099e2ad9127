package dev.homeostat.apps.portfolio.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An execution of (part of) an order, as consumed from the {@code fills} topic (JSON, keyed by account).
 *
 * @param fee  commission charged for this fill, ≥ 0 ({@code null} means none)
 */
public record Fill(String fillId, String orderId, String account, String symbol, Side side, BigDecimal quantity,
                   BigDecimal price, BigDecimal fee, Instant timestamp) {

    /** Checks what position keeping needs; a fill that fails here goes to the dead-letter topic. */
    public Fill {
        requireText(fillId, "fillId");
        requireText(account, "account");
        requireText(symbol, "symbol");
        if (side == null) {
            throw new IllegalArgumentException("fill " + fillId + ": side must be BUY or SELL");
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("fill " + fillId + ": quantity must be > 0, got " + quantity);
        }
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("fill " + fillId + ": price must be > 0, got " + price);
        }
        if (fee != null && fee.signum() < 0) {
            throw new IllegalArgumentException("fill " + fillId + ": fee must be >= 0, got " + fee);
        }
        if (timestamp == null) {
            throw new IllegalArgumentException("fill " + fillId + ": timestamp is missing");
        }
        fee = fee == null ? BigDecimal.ZERO : fee;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("fill field '" + field + "' is missing or blank");
        }
    }
}
