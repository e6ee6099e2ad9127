package dev.homeostat.apps.portfolio.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory books, held per {@link Shard} (account × input partition) as they are written to the
 * state topic, and summed per account for readers. Thread-safe: updates of one shard are serialised
 * by the map's per-key compute; shards are immutable values.
 */
public final class Portfolio {

    private final Map<Shard, AccountBook> shards = new ConcurrentHashMap<>();
    private final Map<String, Set<Shard>> shardsByAccount = new ConcurrentHashMap<>();

    /**
     * Applies a fill read from input partition {@code input} ({@code topic-partition}); {@code source}
     * and {@code offset} identify it for de-duplication. Returns the shard's new book, or empty when
     * the fill was already applied.
     */
    public Optional<AccountBook> apply(Fill fill, String input, String source, long offset) {
        Shard shard = new Shard(fill.account(), input);
        AccountBook[] updated = new AccountBook[1];
        shards.compute(shard, (key, current) -> {
            AccountBook book = current == null ? AccountBook.empty(key.account()) : current;
            Optional<AccountBook> next = book.apply(fill, source, offset);
            next.ifPresent(b -> updated[0] = b);
            return next.orElse(book);
        });
        index(shard);
        return Optional.ofNullable(updated[0]);
    }

    /** Takes a shard's book from the state topic unless a same or newer version is already held; true if taken. */
    public boolean restore(Shard shard, AccountBook book) {
        boolean[] taken = new boolean[1];
        shards.compute(shard, (key, current) -> {
            if (current == null || book.version() > current.version()) {
                taken[0] = true;
                return book;
            }
            return current;
        });
        index(shard);
        return taken[0];
    }

    /** The current book of one shard, if it has one. */
    public Optional<AccountBook> shard(Shard shard) {
        return Optional.ofNullable(shards.get(shard));
    }

    /** The book of {@code account}: the sum of its shards, if it has any. */
    public Optional<AccountBook> book(String account) {
        Set<Shard> keys = shardsByAccount.getOrDefault(account, Set.of());
        return keys.stream().map(shards::get).filter(java.util.Objects::nonNull).reduce(AccountBook::plus);
    }

    /** Accounts with a book, sorted. */
    public List<String> accounts() {
        return shardsByAccount.keySet().stream().sorted().toList();
    }

    /** Number of accounts with a book. */
    public int size() {
        return shardsByAccount.size();
    }

    private void index(Shard shard) {
        shardsByAccount.computeIfAbsent(shard.account(), a -> ConcurrentHashMap.newKeySet()).add(shard);
    }
}
