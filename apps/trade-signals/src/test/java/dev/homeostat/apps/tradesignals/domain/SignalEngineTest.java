package dev.homeostat.apps.tradesignals.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The engine's replay guarantee, simulated without Kafka: a crash after a checkpoint and a replay
 * from the committed offset re-emit only orders of the unfinished interval, with the same ids.
 */
class SignalEngineTest {

    private static final CrossoverStrategy STRATEGY = new CrossoverStrategy(new CrossoverStrategy.Options(5, 20, 100, 0));
    private static final int PARTITION = 2;

    @Test
    void aReplayedQuoteIsSkipped() {
        // given
        SignalEngine engine = new SignalEngine(STRATEGY);
        List<Quote> quotes = QuoteStreams.wave("ACME", 3, 60, 1);
        engine.apply(quotes.get(0), PARTITION, 10);
        engine.apply(quotes.get(1), PARTITION, 11);
        // when
        SignalEngine.Outcome replay = engine.apply(quotes.get(1), PARTITION, 11);
        // then
        assertTrue(replay.replayed());
        assertEquals(2, engine.state("ACME").count());
    }

    @Test
    void dirtyStatesAreHandedOutOnceAndForgetDropsRevokedPartitions() {
        // given
        SignalEngine engine = new SignalEngine(STRATEGY);
        engine.apply(QuoteStreams.wave("A", 1, 60, 1).get(0), 0, 0);
        engine.apply(QuoteStreams.wave("B", 1, 60, 1).get(0), 1, 0);
        // when / then
        assertEquals(2, engine.takeDirty().size());
        assertTrue(engine.takeDirty().isEmpty());
        engine.forget(Set.of(1));
        assertNull(engine.state("B"));
        assertEquals(1, engine.size());
    }

    @Test
    void crashAfterACheckpointReEmitsOnlyTheLastIntervalsOrdersWithTheSameIds() {
        // given: the uninterrupted run
        List<Quote> quotes = QuoteStreams.wave("ACME", 3_000, 50, 9);
        List<String> reference = ordersOf(new SignalEngine(STRATEGY), quotes, 0, quotes.size());
        // and a run that checkpoints state after offset 1999, has its offsets committed up to 1500
        // (commits lag checkpoints), processes on to 2400 and crashes
        SignalEngine crashed = new SignalEngine(STRATEGY);
        List<String> emitted = new ArrayList<>(ordersOf(crashed, quotes, 0, 2_000));
        Map<String, SymbolState> checkpoint = new HashMap<>();
        crashed.takeDirty().forEach(state -> checkpoint.put(state.symbol(), state));
        List<String> lastInterval = ordersOf(crashed, quotes, 2_000, 2_400);
        emitted.addAll(lastInterval);
        // when: a new instance restores the checkpoint and replays from the committed offset
        SignalEngine restarted = new SignalEngine(STRATEGY);
        restarted.restore(checkpoint.values());
        emitted.addAll(ordersOf(restarted, quotes, 1_500, quotes.size()));
        // then: nothing lost, and the only duplicates are the crashed interval's orders
        assertEquals(List.copyOf(new LinkedHashSet<>(reference)), List.copyOf(new LinkedHashSet<>(emitted)));
        assertEquals(reference.size() + lastInterval.size(), emitted.size());
        assertTrue(lastInterval.size() > 0, "the crashed interval should have emitted something");
    }

    private static List<String> ordersOf(SignalEngine engine, List<Quote> quotes, int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int offset = from; offset < to; offset++) {
            Order order = engine.apply(quotes.get(offset), PARTITION, offset).order();
            if (order != null) {
                ids.add(order.orderId());
            }
        }
        return ids;
    }
}
