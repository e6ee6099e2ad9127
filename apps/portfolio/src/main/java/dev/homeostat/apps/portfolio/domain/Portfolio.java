package dev.homeostat.apps.portfolio.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory books of all accounts. Thread-safe: updates of one account are serialised by the
 * map's per-key compute, reads see whole books (books are immutable values).
 */
public final class Portfolio {

    private final Map<String, AccountBook> books = new ConcurrentHashMap<>();

    /** Applies a fill read from {@code source} (topic-partition) at {@code offset}: the new book, or empty when already applied. */
    public Optional<AccountBook> apply(Fill fill, String source, long offset) {
        AccountBook[] updated = new AccountBook[1];
        books.compute(fill.account(), (account, current) -> {
            AccountBook book = current == null ? AccountBook.empty(account) : current;
            Optional<AccountBook> next = book.apply(fill, source, offset);
            next.ifPresent(b -> updated[0] = b);
            return next.orElse(book);
        });
        return Optional.ofNullable(updated[0]);
    }

    /** Takes {@code book} from the state topic unless a same or newer version is already held; true if taken. */
    public boolean restore(AccountBook book) {
        boolean[] taken = new boolean[1];
        books.compute(book.account(), (account, current) -> {
            if (current == null || book.version() > current.version()) {
                taken[0] = true;
                return book;
            }
            return current;
        });
        return taken[0];
    }

    /** The book of {@code account}, if it has one. */
    public Optional<AccountBook> book(String account) {
        return Optional.ofNullable(books.get(account));
    }

    /** Accounts with a book, sorted. */
    public List<String> accounts() {
        return books.keySet().stream().sorted().toList();
    }

    /** Number of accounts with a book. */
    public int size() {
        return books.size();
    }
}
