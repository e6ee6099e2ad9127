package dev.homeostat.apps.portfolio.domain;

/**
 * The part of an account's book built from one input partition, e.g. {@code acc-7|fills-2} or
 * {@code trade-signals|orders-0}. Only the consumer that owns that input partition changes it, so
 * every state record has one writer at a time; an account's book is the sum of its shards.
 *
 * @param account the account
 * @param input   the input topic partition, {@code topic-partition}
 */
public record Shard(String account, String input) {

    private static final char SEPARATOR = '|';

    public Shard {
        if (account == null || account.isBlank() || input == null || input.isBlank()) {
            throw new IllegalArgumentException("a shard needs an account and an input partition");
        }
    }

    /** The state topic key: {@code account|topic-partition}. */
    public String key() {
        return account + SEPARATOR + input;
    }

    /** The shard of a state key; a key without an input (written before shards existed) is its account's only shard. */
    public static Shard parse(String key) {
        int split = key.lastIndexOf(SEPARATOR);
        return split <= 0 ? new Shard(key, "unsharded") : new Shard(key.substring(0, split), key.substring(split + 1));
    }
}
