package dev.homeostat.apps.portfolio.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * A signed holding of one symbol under the average-cost method: buys into a long (or sells into a
 * short) move the average cost; trades against the position realize P&amp;L at the average cost; a
 * trade that crosses zero closes the old side and opens the new one at the trade price.
 *
 * @param quantity     signed: positive long, negative short
 * @param averageCost  average entry price of the open quantity (0 when flat)
 * @param realizedPnl  P&amp;L realized by closing trades, before fees
 */
public record Position(String symbol, BigDecimal quantity, BigDecimal averageCost, BigDecimal realizedPnl) {

    private static final int PRICE_SCALE = 8;

    /** A flat position in {@code symbol}. */
    public static Position flat(String symbol) {
        return new Position(symbol, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The position after trading {@code quantity} at {@code price} on {@code side}. */
    public Position apply(Side side, BigDecimal tradeQuantity, BigDecimal price) {
        BigDecimal signed = side == Side.BUY ? tradeQuantity : tradeQuantity.negate();
        BigDecimal next = quantity.add(signed);
        if (quantity.signum() == 0 || quantity.signum() == signed.signum()) {
            BigDecimal cost = quantity.abs().multiply(averageCost).add(tradeQuantity.multiply(price));
            return new Position(symbol, next, plain(cost.divide(next.abs(), MathContext.DECIMAL64)
                    .setScale(PRICE_SCALE, RoundingMode.HALF_EVEN)), realizedPnl);
        }
        BigDecimal closing = quantity.abs().min(tradeQuantity);
        BigDecimal realized = closing.multiply(price.subtract(averageCost)).multiply(BigDecimal.valueOf(quantity.signum()));
        BigDecimal average = next.signum() == 0 ? BigDecimal.ZERO
                : next.signum() == quantity.signum() ? averageCost : price;
        return new Position(symbol, next, average, realizedPnl.add(realized));
    }

    /** Drops trailing zeros without going to an exponent (115.00000000 → 115, not 1.15E+2). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** P&amp;L of the open quantity if it were closed at {@code mark}. */
    public BigDecimal unrealizedPnl(BigDecimal mark) {
        return quantity.multiply(mark.subtract(averageCost));
    }

    /**
     * Two positions in the same symbol held in different shards, as one: quantities and realized P&amp;L
     * add up; the average cost is that of the side the total is on (weighted when both are on it).
     */
    public Position plus(Position other) {
        BigDecimal total = quantity.add(other.quantity);
        BigDecimal weight = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (Position part : List.of(this, other)) {
            if (total.signum() != 0 && part.quantity.signum() == total.signum()) {
                weight = weight.add(part.quantity.abs());
                cost = cost.add(part.quantity.abs().multiply(part.averageCost));
            }
        }
        BigDecimal average = weight.signum() == 0 ? BigDecimal.ZERO
                : plain(cost.divide(weight, MathContext.DECIMAL64).setScale(PRICE_SCALE, RoundingMode.HALF_EVEN));
        return new Position(symbol, total, average, realizedPnl.add(other.realizedPnl));
    }
}
