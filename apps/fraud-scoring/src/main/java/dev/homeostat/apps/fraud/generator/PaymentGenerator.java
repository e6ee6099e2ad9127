package dev.homeostat.apps.fraud.generator;

import dev.homeostat.apps.fraud.domain.Payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A seeded stream of synthetic card payments with labelled fraud incidents.
 *
 * <p>Legitimate behaviour: accounts with a home country, a typical amount, a few usual merchant
 * categories and favourite merchants, a preferred channel and their own activity level; payments
 * arrive as a Poisson process. Confounders keep the task honest: travel abroad, occasional big
 * purchases, tiny legitimate payments and the odd purchase in a risky category.
 *
 * <p>Fraud: at each legitimate payment an incident starts on a random account with probability
 * {@code incidentProbability}, drawn evenly from the {@link FraudPattern}s; an incident may span
 * several payments interleaved in time with the rest of the stream. Same options, same stream.
 */
public final class PaymentGenerator {

    private static final String[] COUNTRIES = {"CH", "DE", "FR", "GB", "US", "IT", "ES", "NL", "AT", "SE"};
    private static final String[] CURRENCIES = {"CHF", "EUR", "EUR", "GBP", "USD", "EUR", "EUR", "EUR", "EUR", "SEK"};
    private static final String[] FAR_COUNTRIES = {"BR", "NG", "RU", "VN", "ID", "PH", "UA", "MX"};
    private static final String[] CATEGORIES = {"grocery", "restaurant", "fuel", "transport", "pharmacy", "clothing",
            "utilities", "entertainment"};
    private static final String[] RISKY_CATEGORIES = {"jewelry", "electronics", "gift-cards", "crypto-exchange"};
    private static final String[] CHANNELS = {"pos", "online", "atm"};

    /**
     * Generator settings.
     *
     * @param seed                 seed of every random choice
     * @param accounts             number of card accounts (≥ 1)
     * @param paymentsPerSecond    mean rate of legitimate payments over all accounts (&gt; 0)
     * @param incidentProbability  chance that a fraud incident starts at each legitimate payment, in [0, 1)
     * @param start                stream time of the first payment
     */
    public record Options(long seed, int accounts, double paymentsPerSecond, double incidentProbability,
                          Instant start) {

        /** Validates every value and names the offending one. */
        public Options {
            if (accounts < 1 || !(paymentsPerSecond > 0) || !(incidentProbability >= 0 && incidentProbability < 1)
                    || start == null) {
                throw new IllegalArgumentException("invalid generator options: accounts=" + accounts
                        + " (>=1), paymentsPerSecond=" + paymentsPerSecond + " (>0), incidentProbability="
                        + incidentProbability + " ([0,1)), start=" + start);
            }
        }

        /** 5,000 accounts, 20 payments/s, an incident every ~250 legitimate payments. */
        public static Options defaults(long seed, Instant start) {
            return new Options(seed, 5_000, 20.0, 0.004, start);
        }
    }

    /** One synthetic card holder's habits. */
    private record Account(String id, int country, String[] categories, String[] merchants, double typicalAmount,
                           int channel) {
    }

    private final Options options;
    private final Random random;
    private final Account[] accounts;
    private final double[] cumulativeActivity;
    private final PriorityQueue<GeneratedPayment> pending = new PriorityQueue<>(
            Comparator.comparing((GeneratedPayment g) -> g.payment().timestamp()).thenComparingLong(GeneratedPayment::sequence));
    private long nextLegitMillis;
    private long sequence;

    /** A generator positioned before its first payment. */
    public PaymentGenerator(Options options) {
        this.options = options;
        this.random = new Random(options.seed());
        this.accounts = new Account[options.accounts()];
        this.cumulativeActivity = new double[options.accounts()];
        double sum = 0;
        for (int i = 0; i < accounts.length; i++) {
            accounts[i] = newAccount(i);
            sum += Math.exp(random.nextGaussian() * 0.8);
            cumulativeActivity[i] = sum;
        }
        for (int i = 0; i < accounts.length; i++) {
            cumulativeActivity[i] /= sum;
        }
        this.nextLegitMillis = options.start().toEpochMilli();
    }

    /** The next payment in time order. */
    public GeneratedPayment next() {
        GeneratedPayment queued = pending.peek();
        if (queued != null && queued.payment().timestamp().toEpochMilli() <= nextLegitMillis) {
            return pending.poll();
        }
        long now = nextLegitMillis;
        nextLegitMillis += Math.max(1, Math.round(-Math.log(1 - random.nextDouble()) * 1000 / options.paymentsPerSecond()));
        if (random.nextDouble() < options.incidentProbability()) {
            scheduleIncident(now);
        }
        return legitimate(pickAccount(), now);
    }

    /** The next {@code count} payments. */
    public List<GeneratedPayment> next(int count) {
        List<GeneratedPayment> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(next());
        }
        return batch;
    }

    /** An endless stream of payments (limit it). */
    public Stream<GeneratedPayment> stream() {
        return Stream.generate(this::next);
    }

    private Account newAccount(int index) {
        int country = random.nextInt(COUNTRIES.length);
        String[] categories = new String[2 + random.nextInt(3)];
        for (int i = 0; i < categories.length; i++) {
            categories[i] = CATEGORIES[random.nextInt(CATEGORIES.length)];
        }
        String[] merchants = new String[4 + random.nextInt(6)];
        for (int i = 0; i < merchants.length; i++) {
            merchants[i] = merchant(categories[random.nextInt(categories.length)]);
        }
        double typical = Math.exp(Math.log(40) + random.nextGaussian() * 0.7);
        double c = random.nextDouble();
        int channel = c < 0.6 ? 0 : c < 0.95 ? 1 : 2;
        return new Account("acct-%05d".formatted(index), country, categories, merchants, typical, channel);
    }

    private String merchant(String category) {
        return "m-" + category + "-" + random.nextInt(200);
    }

    private Account pickAccount() {
        int index = Arrays.binarySearch(cumulativeActivity, random.nextDouble());
        return accounts[Math.min(accounts.length - 1, index >= 0 ? index : -index - 1)];
    }

    private GeneratedPayment legitimate(Account account, long millis) {
        String category = random.nextDouble() < 0.92
                ? account.categories()[random.nextInt(account.categories().length)]
                : CATEGORIES[random.nextInt(CATEGORIES.length)];
        String merchant = random.nextDouble() < 0.7
                ? account.merchants()[random.nextInt(account.merchants().length)]
                : merchant(category);
        double amount = account.typicalAmount() * Math.exp(random.nextGaussian() * 0.6);
        double kind = random.nextDouble();
        if (kind < 0.02) {
            amount *= 3 + 3 * random.nextDouble();                 // a big purchase
        } else if (kind < 0.05) {
            amount = 1 + 4 * random.nextDouble();                  // parking, coffee
        } else if (kind < 0.053) {
            category = RISKY_CATEGORIES[random.nextInt(RISKY_CATEGORIES.length)];
            merchant = merchant(category);
            amount *= 1 + 2 * random.nextDouble();                 // a legitimate gadget
        }
        int country = account.country();
        if (random.nextDouble() < 0.03) {
            country = random.nextInt(COUNTRIES.length);            // travel
        }
        String channel = random.nextDouble() < 0.85 ? CHANNELS[account.channel()] : CHANNELS[random.nextInt(2)];
        return payment(account, merchant, category, amount, COUNTRIES[country], channel, millis, FraudPattern.NONE);
    }

    private void scheduleIncident(long startMillis) {
        Account victim = pickAccount();
        FraudPattern pattern = FraudPattern.values()[1 + random.nextInt(FraudPattern.values().length - 1)];
        long t = startMillis + 1000 + random.nextInt(30_000);
        switch (pattern) {
            case CARD_TESTING -> {
                String country = random.nextBoolean() ? COUNTRIES[victim.country()] : far();
                int probes = 6 + random.nextInt(9);
                for (int i = 0; i < probes; i++) {
                    t += 1000 + Math.round(-Math.log(1 - random.nextDouble()) * 8000);
                    queue(payment(victim, merchant("digital-goods"), "digital-goods", 0.5 + 4.49 * random.nextDouble(),
                            country, "online", t, pattern));
                }
            }
            case FOREIGN_HIGH_AMOUNT -> {
                String country = far();
                int count = 1 + random.nextInt(2);
                for (int i = 0; i < count; i++) {
                    t += random.nextInt(120_000);
                    String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                    queue(payment(victim, merchant(category), category,
                            victim.typicalAmount() * (5 + 15 * random.nextDouble()), country,
                            CHANNELS[random.nextInt(2)], t, pattern));
                }
            }
            case MERCHANT_CATEGORY_ANOMALY -> {
                String category = RISKY_CATEGORIES[random.nextInt(RISKY_CATEGORIES.length)];
                queue(payment(victim, merchant(category), category,
                        victim.typicalAmount() * (3 + 7 * random.nextDouble()), COUNTRIES[victim.country()],
                        "online", t, pattern));
            }
            case VELOCITY -> {
                int count = 5 + random.nextInt(5);
                for (int i = 0; i < count; i++) {
                    t += 500 + Math.round(-Math.log(1 - random.nextDouble()) * 6000);
                    String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                    queue(payment(victim, merchant(category), category,
                            victim.typicalAmount() * (0.8 + 1.7 * random.nextDouble()), COUNTRIES[victim.country()],
                            "online", t, pattern));
                }
            }
            case NONE -> throw new IllegalStateException("NONE is not an incident");
        }
    }

    private String far() {
        return FAR_COUNTRIES[random.nextInt(FAR_COUNTRIES.length)];
    }

    private void queue(GeneratedPayment payment) {
        pending.add(payment);
    }

    private GeneratedPayment payment(Account account, String merchant, String category, double amount, String country,
                                     String channel, long millis, FraudPattern pattern) {
        long seq = sequence++;
        BigDecimal money = BigDecimal.valueOf(Math.max(0.01, amount)).setScale(2, RoundingMode.HALF_UP);
        Payment payment = new Payment("p-" + options.seed() + "-" + seq, account.id(), merchant, category, money,
                CURRENCIES[account.country()], country, channel, Instant.ofEpochMilli(millis),
                pattern != FraudPattern.NONE);
        return new GeneratedPayment(payment, pattern, seq);
    }
}
