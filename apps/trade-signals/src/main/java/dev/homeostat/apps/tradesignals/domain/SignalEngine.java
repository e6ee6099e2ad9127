package dev.homeostat.apps.tradesignals.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-symbol strategy state in memory: applies quotes, skips replays of quotes already applied,
 * remembers which symbols changed since the last checkpoint, and can be restored from checkpoints.
 *
 * <p>Not thread-safe: the caller serialises access.
 */
public final class SignalEngine {

    /**
     * What applying a quote did.
     *
     * @param replayed true if the quote was already in the state (nothing changed, no order)
     * @param order    the triggered order, or null
     */
    public record Outcome(boolean replayed, Order order) {
        static final Outcome REPLAYED = new Outcome(true, null);
    }

    private final CrossoverStrategy strategy;
    private final Map<String, SymbolState> states = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();

    /** An empty engine using the given strategy. */
    public SignalEngine(CrossoverStrategy strategy) {
        this.strategy = strategy;
    }

    /** Applies the quote read at {@code partition}/{@code offset}. */
    public Outcome apply(Quote quote, int partition, long offset) {
        SymbolState previous = states.get(quote.symbol());
        if (previous != null && previous.alreadyApplied(partition, offset)) {
            return Outcome.REPLAYED;
        }
        CrossoverStrategy.Step step = strategy.apply(previous, quote, partition, offset);
        states.put(quote.symbol(), step.state());
        dirty.add(quote.symbol());
        return new Outcome(false, step.order());
    }

    /** The states changed since the last call, which the caller checkpoints. */
    public List<SymbolState> takeDirty() {
        List<SymbolState> changed = new ArrayList<>(dirty.size());
        for (String symbol : dirty) {
            changed.add(states.get(symbol));
        }
        dirty.clear();
        return changed;
    }

    /** Replaces the states of these symbols with checkpointed ones (after a partition is assigned). */
    public void restore(Collection<SymbolState> checkpointed) {
        for (SymbolState state : checkpointed) {
            states.put(state.symbol(), state);
            dirty.remove(state.symbol());
        }
    }

    /** Drops the states of symbols read from these partitions (after they are revoked). */
    public void forget(Set<Integer> partitions) {
        states.values().removeIf(state -> partitions.contains(state.partition()));
        dirty.removeIf(symbol -> !states.containsKey(symbol));
    }

    /** The current state of a symbol, or null. */
    public SymbolState state(String symbol) {
        return states.get(symbol);
    }

    /** Number of symbols held. */
    public int size() {
        return states.size();
    }
}
