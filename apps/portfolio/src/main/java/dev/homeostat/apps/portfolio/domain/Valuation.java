package dev.homeostat.apps.portfolio.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/** Positions and P&amp;L of a book valued at the current marks — what the REST API returns. */
public final class Valuation {

    private static final int MONEY_SCALE = 4;

    private Valuation() {
    }

    /**
     * One position with its mark; mark-dependent fields are {@code null} while no quote was seen.
     */
    public record PositionView(String symbol, BigDecimal quantity, BigDecimal averageCost, BigDecimal realizedPnl,
                               BigDecimal markPrice, BigDecimal marketValue, BigDecimal unrealizedPnl) {
    }

    /**
     * P&amp;L of an account: realized (before fees), unrealized at the marks, fees, and the total net of fees.
     *
     * @param unmarkedSymbols  open symbols without a mark yet; their unrealized P&amp;L is not included
     */
    public record PnlView(String account, BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal fees,
                          BigDecimal totalPnl, List<String> unmarkedSymbols, long version, Instant updatedAt) {
    }

    /** Every position of {@code book}, flat ones included (they still carry realized P&amp;L). */
    public static List<PositionView> positions(AccountBook book, Marks marks) {
        return book.positions().values().stream().map(p -> {
            BigDecimal mark = marks.mark(p.symbol()).orElse(null);
            return new PositionView(p.symbol(), p.quantity(), p.averageCost(), money(p.realizedPnl()), mark,
                    mark == null ? null : money(p.quantity().multiply(mark)),
                    mark == null ? null : money(p.unrealizedPnl(mark)));
        }).toList();
    }

    /** The account's P&amp;L at the current marks. */
    public static PnlView pnl(AccountBook book, Marks marks) {
        BigDecimal unrealized = BigDecimal.ZERO;
        List<String> unmarked = new java.util.ArrayList<>();
        for (Position p : book.positions().values()) {
            if (p.quantity().signum() == 0) {
                continue;
            }
            var mark = marks.mark(p.symbol());
            if (mark.isPresent()) {
                unrealized = unrealized.add(p.unrealizedPnl(mark.get()));
            } else {
                unmarked.add(p.symbol());
            }
        }
        BigDecimal realized = book.realizedPnl();
        return new PnlView(book.account(), money(realized), money(unrealized), money(book.fees()),
                money(realized.add(unrealized).subtract(book.fees())), List.copyOf(unmarked), book.version(),
                book.updatedAt());
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
    }
}
