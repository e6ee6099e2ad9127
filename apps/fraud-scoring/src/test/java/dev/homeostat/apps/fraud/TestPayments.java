package dev.homeostat.apps.fraud;

import dev.homeostat.apps.fraud.domain.Payment;

import java.math.BigDecimal;
import java.time.Instant;

/** Hand-made payments for unit tests. */
public final class TestPayments {

    public static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private TestPayments() {
    }

    /** A labelled-unknown payment of {@code account} at {@code T0 + seconds}. */
    public static Payment payment(String id, String account, double amount, String country, String category,
                                  long seconds) {
        return new Payment(id, account, "m-" + category + "-1", category, BigDecimal.valueOf(amount), "EUR", country,
                "pos", T0.plusSeconds(seconds), null);
    }
}
