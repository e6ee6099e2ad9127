package dev.homeostat.apps.fraud.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One card payment as it arrives on the {@code payments} topic.
 *
 * <p>{@code label} is the ground truth (true = fraud) when the source knows it, else {@code null}.
 * The app never reads it to score this payment: it only feeds the training window after scoring,
 * so it can shape models trained later (see the README's "labels" section).
 */
public record Payment(
        String id,
        String account,
        String merchant,
        String merchantCategory,
        BigDecimal amount,
        String currency,
        String country,
        String channel,
        Instant timestamp,
        Boolean label) {

    /** Checks every field a scorer needs; a payment that fails here goes to the dead-letter topic. */
    public Payment {
        requireText(id, "id");
        requireText(account, "account");
        requireText(merchant, "merchant");
        requireText(merchantCategory, "merchantCategory");
        requireText(currency, "currency");
        requireText(country, "country");
        requireText(channel, "channel");
        Objects.requireNonNull(timestamp, "payment " + id + ": timestamp is missing");
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("payment " + id + ": amount must be > 0, got " + amount);
        }
    }

    /** The same payment without its label, as a scorer-facing producer would send it. */
    public Payment withoutLabel() {
        return new Payment(id, account, merchant, merchantCategory, amount, currency, country, channel, timestamp, null);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("payment field '" + field + "' is missing or blank");
        }
    }
}
