package dev.homeostat.apps.tradesignals.state;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.homeostat.apps.tradesignals.domain.SymbolState;

/** Durable per-symbol checkpoints: the last state written for a symbol is the one read back. */
public interface SymbolStateStore {

    /** Writes the states; completes when all are durable, exceptionally if any write failed. */
    CompletableFuture<Void> write(Collection<SymbolState> states);

    /** The latest checkpoint of every symbol, by symbol. */
    Map<String, SymbolState> readAll(Duration timeout);
}
