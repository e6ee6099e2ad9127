package dev.homeostat.apps.portfolio.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything the service knows about one account: its positions, the fees paid, and — so a fill that
 * is delivered again after a restart is not applied twice — the offset of the last applied fill in
 * each topic partition it came from. One book is one record of the compacted state topic.
 *
 * @param version         incremented by every applied fill; a reader keeps the highest version it saw
 * @param appliedOffsets  {@code topic-partition} → offset of the last fill applied from it
 */
public record AccountBook(String account, long version, Map<String, Position> positions, BigDecimal fees,
                          Map<String, Long> appliedOffsets, Instant updatedAt) {

    /** Copies the maps into sorted, unmodifiable ones so a book is a value. */
    public AccountBook {
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("account book without an account");
        }
        positions = java.util.Collections.unmodifiableMap(new TreeMap<>(positions));
        appliedOffsets = java.util.Collections.unmodifiableMap(new TreeMap<>(appliedOffsets));
        fees = fees == null ? BigDecimal.ZERO : fees;
    }

    /** An empty book. */
    public static AccountBook empty(String account) {
        return new AccountBook(account, 0, Map.of(), BigDecimal.ZERO, Map.of(), Instant.EPOCH);
    }

    /**
     * The book after {@code fill}, read from {@code source} (a topic partition, e.g. {@code fills-2}) at
     * {@code offset}; empty when that offset (or a later one of the same source) was already applied.
     */
    public Optional<AccountBook> apply(Fill fill, String source, long offset) {
        if (!fill.account().equals(account)) {
            throw new IllegalArgumentException("fill " + fill.fillId() + " of account " + fill.account()
                    + " applied to book of " + account);
        }
        Long applied = appliedOffsets.get(source);
        if (applied != null && offset <= applied) {
            return Optional.empty();
        }
        Map<String, Position> nextPositions = new TreeMap<>(positions);
        Position current = positions.getOrDefault(fill.symbol(), Position.flat(fill.symbol()));
        nextPositions.put(fill.symbol(), current.apply(fill.side(), fill.quantity(), fill.price()));
        Map<String, Long> nextOffsets = new TreeMap<>(appliedOffsets);
        nextOffsets.put(source, offset);
        Instant updated = fill.timestamp().isAfter(updatedAt) ? fill.timestamp() : updatedAt;
        return Optional.of(new AccountBook(account, version + 1, nextPositions, fees.add(fill.fee()), nextOffsets, updated));
    }

    /**
     * This book and another shard of the same account together: positions per symbol combined, fees
     * and versions summed, applied offsets merged. Used to answer for an account, never stored.
     */
    public AccountBook plus(AccountBook other) {
        if (!other.account.equals(account)) {
            throw new IllegalArgumentException("cannot add the book of " + other.account + " to that of " + account);
        }
        Map<String, Position> sum = new TreeMap<>(positions);
        other.positions.forEach((symbol, position) -> sum.merge(symbol, position, Position::plus));
        Map<String, Long> offsets = new TreeMap<>(appliedOffsets);
        other.appliedOffsets.forEach((source, offset) -> offsets.merge(source, offset, Math::max));
        Instant updated = other.updatedAt.isAfter(updatedAt) ? other.updatedAt : updatedAt;
        return new AccountBook(account, version + other.version, sum, fees.add(other.fees), offsets, updated);
    }

    /** Realized P&amp;L over all symbols, before fees. */
    public BigDecimal realizedPnl() {
        return positions.values().stream().map(Position::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
