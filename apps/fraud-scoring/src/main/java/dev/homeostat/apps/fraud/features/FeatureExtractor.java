package dev.homeostat.apps.fraud.features;

import dev.homeostat.apps.fraud.domain.Payment;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a payment into a fixed-length feature vector using only what its account did before it.
 *
 * <p>Per-account state lives in an access-ordered map capped at {@code maxAccounts} entries (least
 * recently active accounts are forgotten first), so memory is bounded. Not thread-safe: one
 * processing thread owns an extractor.
 */
public final class FeatureExtractor {

    /** Feature names in vector order; the model's schema is built from them. */
    public static final List<String> NAMES = List.of(
            "log_amount", "amount_ratio", "payments_last_minute", "small_payments_last_10min",
            "seconds_since_previous", "foreign_country", "new_country", "category_share", "new_merchant",
            "channel", "hour_of_day", "history_size", "new_merchants_last_10min", "amount_last_10min_ratio",
            "high_risk_category");

    /**
     * Merchant categories card schemes and acquirers commonly treat as high-risk (resellable goods,
     * stored value); domain knowledge, not learned from labels.
     */
    public static final Set<String> HIGH_RISK_CATEGORIES = Set.of("jewelry", "electronics", "gift-cards",
            "crypto-exchange", "money-transfer");

    /** Amounts below this count as "small" (card-testing probes). */
    public static final double SMALL_AMOUNT = 5.0;
    private static final long MINUTE_MS = 60_000;
    private static final double NO_PREVIOUS_SECONDS = 86_400;

    private final Map<String, AccountHistory> accounts;

    /** An extractor that remembers at most {@code maxAccounts} accounts. */
    public FeatureExtractor(int maxAccounts) {
        if (maxAccounts < 1) {
            throw new IllegalArgumentException("maxAccounts must be >= 1, got " + maxAccounts);
        }
        this.accounts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AccountHistory> eldest) {
                return size() > maxAccounts;
            }
        };
    }

    /** Number of accounts currently remembered. */
    public int accounts() {
        return accounts.size();
    }

    /** Features of {@code payment} from its account's past, then remembers the payment. */
    public double[] extractAndRecord(Payment payment) {
        AccountHistory history = accounts.computeIfAbsent(payment.account(), a -> new AccountHistory());
        double[] features = features(payment, history);
        history.record(payment.timestamp(), payment.amount().doubleValue(), payment.country(),
                payment.merchantCategory(), payment.merchant());
        return features;
    }

    private static double[] features(Payment payment, AccountHistory history) {
        double amount = payment.amount().doubleValue();
        long now = payment.timestamp().toEpochMilli();
        long total = history.total();
        long last = history.lastTimeMillis();
        double[] x = new double[NAMES.size()];
        x[0] = Math.log1p(amount);
        x[1] = total == 0 ? 1.0 : amount / Math.max(history.meanAmount(), 0.01);
        x[2] = history.countSince(now, MINUTE_MS, Double.POSITIVE_INFINITY);
        x[3] = history.countSince(now, 10 * MINUTE_MS, SMALL_AMOUNT);
        x[4] = last == Long.MIN_VALUE ? NO_PREVIOUS_SECONDS : Math.min(NO_PREVIOUS_SECONDS, Math.max(0, now - last) / 1000.0);
        x[5] = total == 0 || payment.country().equals(history.homeCountry()) ? 0 : 1;
        x[6] = total > 0 && history.countryCount(payment.country()) == 0 ? 1 : 0;
        x[7] = total == 0 ? -1 : history.categoryCount(payment.merchantCategory()) / (double) Math.min(total, Integer.MAX_VALUE);
        x[8] = total > 0 && history.merchantCount(payment.merchant()) == 0 ? 1 : 0;
        x[9] = channelCode(payment.channel());
        x[10] = payment.timestamp().atZone(ZoneOffset.UTC).getHour();
        x[11] = Math.min(total, 100);
        x[12] = history.newMerchantsSince(now, 10 * MINUTE_MS);
        x[13] = total == 0 ? 0 : history.amountSince(now, 10 * MINUTE_MS) / Math.max(history.meanAmount(), 0.01);
        x[14] = HIGH_RISK_CATEGORIES.contains(payment.merchantCategory()) ? 1 : 0;
        return x;
    }

    private static double channelCode(String channel) {
        return switch (channel) {
            case "pos" -> 0;
            case "online" -> 1;
            case "atm" -> 2;
            default -> 3;
        };
    }
}
