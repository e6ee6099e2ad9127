package dev.homeostat.apps.fraud.features;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What one account did recently: the last {@value #RECENT} payment times and amounts, a running mean
 * amount, and how often it used each country, merchant category and merchant.
 *
 * <p>Memory is bounded: two ring buffers of {@value #RECENT} entries and at most {@value #MAX_KEYS}
 * keys per map (new keys beyond that are not remembered, which only makes them look "new" again).
 */
final class AccountHistory {

    static final int RECENT = 32;
    static final int MAX_KEYS = 64;

    private final long[] timesMillis = new long[RECENT];
    private final double[] amounts = new double[RECENT];
    private final boolean[] newMerchant = new boolean[RECENT];
    private int next;
    private int size;
    private long total;
    private double meanAmount;
    private String homeCountry;
    private final Map<String, Integer> countries = new HashMap<>();
    private final Map<String, Integer> categories = new HashMap<>();
    private final Map<String, Integer> merchants = new HashMap<>();

    long total() {
        return total;
    }

    double meanAmount() {
        return meanAmount;
    }

    String homeCountry() {
        return homeCountry;
    }

    int countryCount(String country) {
        return countries.getOrDefault(country, 0);
    }

    int categoryCount(String category) {
        return categories.getOrDefault(category, 0);
    }

    int merchantCount(String merchant) {
        return merchants.getOrDefault(merchant, 0);
    }

    /** Milliseconds of the most recent payment, or {@code Long.MIN_VALUE} when there is none. */
    long lastTimeMillis() {
        return size == 0 ? Long.MIN_VALUE : timesMillis[(next - 1 + RECENT) % RECENT];
    }

    /** Payments in (now - windowMillis, now], optionally only those below {@code maxAmount}. */
    int countSince(long nowMillis, long windowMillis, double maxAmount) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            int slot = (next - 1 - i + RECENT) % RECENT;
            if (nowMillis - timesMillis[slot] >= windowMillis) {
                break;
            }
            if (amounts[slot] < maxAmount) {
                count++;
            }
        }
        return count;
    }

    /** Sum of amounts in (now - windowMillis, now]. */
    double amountSince(long nowMillis, long windowMillis) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            int slot = (next - 1 - i + RECENT) % RECENT;
            if (nowMillis - timesMillis[slot] >= windowMillis) {
                break;
            }
            sum += amounts[slot];
        }
        return sum;
    }

    /** Payments in (now - windowMillis, now] at a merchant the account had not used before. */
    int newMerchantsSince(long nowMillis, long windowMillis) {
        int count = 0;
        for (int i = 0; i < size; i++) {
            int slot = (next - 1 - i + RECENT) % RECENT;
            if (nowMillis - timesMillis[slot] >= windowMillis) {
                break;
            }
            if (newMerchant[slot]) {
                count++;
            }
        }
        return count;
    }

    /** Remembers a payment; called only after its features were taken, so features see the past only. */
    void record(Instant time, double amount, String country, String category, String merchant) {
        timesMillis[next] = time.toEpochMilli();
        amounts[next] = amount;
        newMerchant[next] = total > 0 && merchantCount(merchant) == 0;
        next = (next + 1) % RECENT;
        size = Math.min(size + 1, RECENT);
        total++;
        // Cumulative mean for the first payments, then an exponential one so habits can drift.
        double weight = total < 50 ? 1.0 / total : 0.02;
        meanAmount += weight * (amount - meanAmount);
        if (homeCountry == null) {
            homeCountry = country;
        }
        bump(countries, country);
        bump(categories, category);
        bump(merchants, merchant);
    }

    private static void bump(Map<String, Integer> counts, String key) {
        Integer current = counts.get(key);
        if (current != null) {
            counts.put(key, current + 1);
        } else if (counts.size() < MAX_KEYS) {
            counts.put(key, 1);
        }
    }
}
