package dev.homeostat.apps.tradesignals;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.homeostat.apps.tradesignals.domain.SymbolState;
import dev.homeostat.apps.tradesignals.state.SymbolStateStore;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Moves per-symbol state with partition ownership: before partitions are revoked it checkpoints (so
 * the next owner starts from the latest state and committed offsets), and when partitions are
 * assigned it restores their symbols' states from the state topic before any of their quotes is
 * processed. Runs on the consumer's polling thread, where blocking is allowed.
 */
@ApplicationScoped
@Identifier("trade-signals.rebalance")
public class StateRebalanceListener implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(StateRebalanceListener.class);

    private final SignalProcessor processor;
    private final Checkpointer checkpointer;
    private final SymbolStateStore store;
    private final TradeSignalsConfig config;

    StateRebalanceListener(SignalProcessor processor, Checkpointer checkpointer, SymbolStateStore store,
                           TradeSignalsConfig config) {
        this.processor = processor;
        this.checkpointer = checkpointer;
        this.store = store;
        this.config = config;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<Integer> assigned = numbers(partitions);
        if (assigned.isEmpty()) {
            return;
        }
        Map<String, SymbolState> checkpoints = store.readAll(config.restoreTimeout());
        List<SymbolState> restored = checkpoints.values().stream()
                .filter(state -> assigned.contains(state.partition())).toList();
        processor.assigned(assigned, restored);
        LOG.infof("assigned quotes partitions %s, restored %d symbol states", assigned, restored.size());
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Set<Integer> revoked = numbers(partitions);
        if (revoked.isEmpty()) {
            return;
        }
        checkpointer.checkpoint(config.shutdownTimeout());
        processor.revoked(revoked);
        LOG.infof("revoked quotes partitions %s after a checkpoint", revoked);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        // Lost, not revoked: another member may own them already, so nothing is written for them.
        processor.revoked(numbers(partitions));
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }
}
