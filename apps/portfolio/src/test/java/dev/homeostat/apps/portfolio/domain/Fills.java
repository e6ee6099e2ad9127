package dev.homeostat.apps.portfolio.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** Hand-made fills for tests. */
final class Fills {

    static final Instant T0 = Instant.parse("2026-03-02T14:30:00Z");

    private Fills() {
    }

    static Fill fill(String id, String account, String symbol, Side side, String quantity, String price) {
        return new Fill(id, "o-" + id, account, symbol, side, new BigDecimal(quantity), new BigDecimal(price),
                BigDecimal.ZERO, T0);
    }

    static Fill fill(String id, String account, String symbol, Side side, String quantity, String price, String fee) {
        return new Fill(id, "o-" + id, account, symbol, side, new BigDecimal(quantity), new BigDecimal(price),
                new BigDecimal(fee), T0);
    }
}
